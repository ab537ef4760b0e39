import { buildSloData } from './buildSloData';
import { resolveSloPolicy } from './policy';

const windows = (rate: number) =>
  Object.fromEntries(
    ['5m', '30m', '1h', '2h', '6h', '1d', '3d'].map(w => [w, rate]),
  );

describe('buildSloData', () => {
  const policy = resolveSloPolicy();

  it('assembles the slo view: 60% spent, burning at 50x -> P1 and P2 firing, critical', () => {
    const { data, warnings } = buildSloData({
      policy,
      sliName: 'Application run success',
      sliQuery: 'q',
      periodCounts: { good: 999400, total: 1000000 },
      errorRatios: { ...windows(0.05), '3d': 0.002 },
      burndownBuckets: [
        { time: 1, good: 499800, total: 500000 },
        { time: 2, good: 499600, total: 500000 },
      ],
    });
    expect(warnings).toEqual([]);
    expect(data).toMatchObject({
      objective: 99.9,
      window: '30d',
      sliName: 'Application run success',
      sliQuery: 'q',
      sli: 0.9994,
      errorBudget: {
        total: 0.001,
        consumed: 0.0006,
        remaining: 0.0004,
        consumedFraction: 0.6,
        remainingFraction: 0.4,
        totalMinutes: 43.2,
        consumedMinutes: 25.92,
        remainingMinutes: 17.28,
        // 0.4 x 720 h / 50
        exhaustionHours: 5.76,
      },
      burndown: [
        [1, 0.8],
        [2, 0.4],
      ],
      level: 'critical',
    });
    expect(
      data.burnRates.map(r => [r.window, r.windowSeconds, r.rate]),
    ).toEqual([
      ['5m', 300, 50],
      ['30m', 1800, 50],
      ['1h', 3600, 50],
      ['2h', 7200, 50],
      ['6h', 21600, 50],
      ['1d', 86400, 50],
      ['3d', 259200, 2],
    ]);
    expect(data.alerts.map(a => [a.priority, a.firing])).toEqual([
      ['P1', true],
      ['P2', true],
    ]);
  });

  it('is healthy when burning slower than the budget allows', () => {
    const { data } = buildSloData({
      policy,
      sliName: 's',
      periodCounts: { good: 99990, total: 100000 },
      errorRatios: windows(0.0001),
    });
    expect(data.level).toBe('healthy');
    expect(data.errorBudget.remainingFraction).toBe(0.9);
    expect(data.errorBudget.exhaustionHours).toBe(6480);
    expect(data.burndown).toEqual([]);
  });

  it('warns on a slow burn or a nearly spent budget', () => {
    const slow = buildSloData({
      policy,
      sliName: 's',
      periodCounts: { good: 999900, total: 1000000 },
      errorRatios: { ...windows(0.013), '1h': 0.013, '5m': 0.013 },
    });
    expect(slow.data.alerts.map(a => a.firing)).toEqual([false, true]);
    expect(slow.data.level).toBe('warning');
    const nearlySpent = buildSloData({
      policy,
      sliName: 's',
      periodCounts: { good: 999200, total: 1000000 },
      errorRatios: windows(0),
    });
    expect(nearlySpent.data.level).toBe('warning');
    expect(nearlySpent.data.errorBudget.exhaustionHours).toBeNull();
  });

  it('is critical once the budget is exhausted, exhaustion 0 h', () => {
    const { data } = buildSloData({
      policy,
      sliName: 's',
      periodCounts: { good: 0, total: 40 },
      errorRatios: windows(1),
    });
    expect(data.sli).toBe(0);
    expect(data.errorBudget.remainingFraction).toBe(-999);
    expect(data.errorBudget.exhaustionHours).toBe(0);
    expect(data.burnRates[0].rate).toBe(1000);
    expect(data.level).toBe('critical');
  });

  it('is unknown without traffic, with a warning saying so', () => {
    const { data, warnings } = buildSloData({
      policy,
      sliName: 's',
      periodCounts: { good: 0, total: 0 },
      errorRatios: { '5m': null },
    });
    expect(data.sli).toBeNull();
    expect(data.level).toBe('unknown');
    expect(data.errorBudget.consumedFraction).toBe(0);
    expect(data.burnRates.every(r => r.rate === null)).toBe(true);
    expect(data.alerts.every(a => !a.firing)).toBe(true);
    expect(warnings).toEqual([
      'No events in the last 30d: the SLI is unknown.',
    ]);
    expect(
      buildSloData({
        policy,
        sliName: 's',
        periodCounts: null,
        errorRatios: {},
      }).data.sli,
    ).toBeNull();
  });

  it('keeps JSON-safe numbers for an objective of 100% and explains why', () => {
    const { data, warnings } = buildSloData({
      policy: resolveSloPolicy({ objective: 100 }),
      sliName: 's',
      periodCounts: { good: 99, total: 100 },
      errorRatios: windows(0.01),
    });
    expect(data.errorBudget.consumedFraction).toBe(1);
    expect(data.errorBudget.remainingFraction).toBe(0);
    expect(data.burnRates[0].rate).toBeNull();
    expect(data.alerts.every(a => a.firing && a.longRate === null)).toBe(true);
    expect(data.level).toBe('critical');
    expect(warnings[0]).toMatch(/100% leaves no error budget/);
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });
});
