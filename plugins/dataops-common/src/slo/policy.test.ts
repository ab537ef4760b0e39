import {
  burnRateThreshold,
  DEFAULT_SLO_POLICY,
  errorBudgetRatio,
  parseObjective,
  policyWindows,
  resolveSloPolicy,
} from './policy';

describe('errorBudgetRatio', () => {
  it('gives exactly 0.001 for 99.9% despite floating point', () => {
    expect(errorBudgetRatio(99.9)).toBe(0.001);
    expect(errorBudgetRatio(99.5)).toBe(0.005);
    expect(errorBudgetRatio(99.99)).toBe(0.0001);
  });

  it('gives a zero budget for an objective of 100%', () => {
    expect(errorBudgetRatio(100)).toBe(0);
  });

  it.each([0, -1, 100.1, 1000, NaN, Infinity])(
    'rejects the out-of-range objective %p',
    objective => {
      expect(() => errorBudgetRatio(objective)).toThrow(
        /Invalid SLO objective .*greater than 0 and at most 100/,
      );
    },
  );
});

describe('parseObjective', () => {
  it('reads the annotation text, with or without a percent sign', () => {
    expect(parseObjective('99.9')).toBe(99.9);
    expect(parseObjective(' 99.5% ')).toBe(99.5);
    expect(parseObjective('100')).toBe(100);
  });

  it.each(['', 'high', '0.999e2', '101', '0', '-99'])('rejects %p', text => {
    expect(() => parseObjective(text)).toThrow(/Invalid SLO objective/);
  });
});

describe('resolveSloPolicy', () => {
  it('derives the thresholds of docs/platform-rules.md: 5% in 1h -> 36 (P1), 10% in 6h -> 12 (P2)', () => {
    const policy = resolveSloPolicy();
    expect(policy.budgetRatio).toBe(0.001);
    expect(policy.periodSeconds).toBe(30 * 86400);
    expect(policy.alerts).toEqual([
      expect.objectContaining({
        name: 'SloErrorBudgetFastBurn',
        priority: 'P1',
        severity: 'critical',
        longWindow: '1h',
        shortWindow: '5m',
        threshold: 36,
      }),
      expect.objectContaining({
        name: 'SloErrorBudgetSlowBurn',
        priority: 'P2',
        severity: 'warning',
        longWindow: '6h',
        shortWindow: '30m',
        threshold: 12,
      }),
    ]);
    expect(policy.reportedWindows).toEqual([
      '5m',
      '30m',
      '1h',
      '2h',
      '6h',
      '1d',
      '3d',
    ]);
  });

  it('scales thresholds with the period: the same 5% in 1h of a 7-day budget is rate 8.4', () => {
    const policy = resolveSloPolicy({ period: '7d' });
    expect(policy.alerts[0].threshold).toBe(8.4);
    expect(policy.alerts[1].threshold).toBe(2.8);
  });

  it('takes explicit short windows and another divisor', () => {
    const policy = resolveSloPolicy({
      shortWindowDivisor: 6,
      alerts: [
        { ...DEFAULT_SLO_POLICY.alerts[0], shortWindow: '15m' },
        DEFAULT_SLO_POLICY.alerts[1],
      ],
    });
    expect(policy.alerts.map(a => a.shortWindow)).toEqual(['15m', '1h']);
  });

  it('lists every window the policy needs, shortest first', () => {
    const policy = resolveSloPolicy({ reportedWindows: ['1d'] });
    expect(policyWindows(policy)).toEqual(['5m', '30m', '1h', '6h', '1d']);
  });

  it.each([
    [{ objective: 0 }, /Invalid SLO objective/],
    [{ period: 'monthly' }, /Invalid window 'monthly'/],
    [{ shortWindowDivisor: 0 }, /shortWindowDivisor/],
    [{ exhaustionWindow: '1x' }, /Invalid window '1x'/],
    [
      { alerts: [{ ...DEFAULT_SLO_POLICY.alerts[0], budgetConsumed: 1.5 }] },
      /budgetConsumed must be a fraction/,
    ],
    [
      { alerts: [{ ...DEFAULT_SLO_POLICY.alerts[0], name: 'bad name' }] },
      /Prometheus alert name/,
    ],
    [
      { alerts: [DEFAULT_SLO_POLICY.alerts[0], DEFAULT_SLO_POLICY.alerts[0]] },
      /used twice/,
    ],
    [
      { alerts: [{ ...DEFAULT_SLO_POLICY.alerts[0], priority: 'P9' as any }] },
      /priority must be one of P1, P2, P3, P4/,
    ],
    [
      { alerts: [{ ...DEFAULT_SLO_POLICY.alerts[0], longWindow: '60d' }] },
      /exceeds the period 30d/,
    ],
    [
      { alerts: [{ ...DEFAULT_SLO_POLICY.alerts[0], shortWindow: '2h' }] },
      /short window must be shorter/,
    ],
    [
      {
        alerts: [{ ...DEFAULT_SLO_POLICY.alerts[0], longWindow: '7m' }],
        shortWindowDivisor: 8,
      },
      /not a whole number of seconds/,
    ],
  ])('rejects %j', (input, message) => {
    expect(() => resolveSloPolicy(input)).toThrow(message);
  });
});

describe('burnRateThreshold', () => {
  it('is budget share x period / window', () => {
    expect(burnRateThreshold(0.05, 720 * 3600, 3600)).toBe(36);
    expect(burnRateThreshold(0.1, 720 * 3600, 6 * 3600)).toBe(12);
    expect(burnRateThreshold(0.02, 720 * 3600, 3600)).toBe(14.4);
  });
});
