import {
  budgetSpentInWindow,
  computeBudgetConsumption,
  computeBurnRate,
  computeErrorBudget,
  computeErrorRatio,
  computeSli,
  evaluateBurnRateAlerts,
  hoursUntilExhaustion,
} from './math';
import { resolveSloPolicy } from './policy';

describe('computeSli', () => {
  it('is good / total', () => {
    expect(computeSli({ good: 999, total: 1000 })).toBe(0.999);
    expect(computeSli({ good: 1000, total: 1000 })).toBe(1);
  });

  it('is null without traffic rather than 100%', () => {
    expect(computeSli({ good: 0, total: 0 })).toBeNull();
    expect(computeErrorRatio({ good: 0, total: 0 })).toBeNull();
  });

  it('is 0 when every event was bad', () => {
    expect(computeSli({ good: 0, total: 250 })).toBe(0);
    expect(computeErrorRatio({ good: 0, total: 250 })).toBe(1);
  });

  it('tolerates floating-point noise but rejects inconsistent counts', () => {
    expect(computeSli({ good: 1000.0000000001, total: 1000 })).toBe(1);
    expect(() => computeSli({ good: 11, total: 10 })).toThrow(
      /good \(11\) exceeds total \(10\)/,
    );
    expect(() => computeSli({ good: -1, total: 10 })).toThrow(/not negative/);
    expect(() => computeSli({ good: NaN, total: 10 })).toThrow(/finite/);
  });
});

describe('computeErrorBudget', () => {
  it('SLO policy of docs/platform-rules.md: 99.9% over 30 days is 0.1% = 43.2 minutes', () => {
    expect(computeErrorBudget({ objective: 99.9, period: '30d' })).toEqual({
      ratio: 0.001,
      minutes: 43.2,
      events: null,
    });
  });

  it('counts events for event-based SLOs: 2,000,000 runs at 99.5% allow 10,000 failures', () => {
    expect(
      computeErrorBudget({ objective: 99.5, period: '7d', totalEvents: 2e6 }),
    ).toEqual({ ratio: 0.005, minutes: 50.4, events: 10000 });
  });

  it('is empty for an objective of 100%', () => {
    expect(computeErrorBudget({ objective: 100, period: '30d' })).toEqual({
      ratio: 0,
      minutes: 0,
      events: null,
    });
  });

  it('rejects an objective out of range and a bad period', () => {
    expect(() => computeErrorBudget({ objective: 101, period: '30d' })).toThrow(
      /Invalid SLO objective '101'/,
    );
    expect(() =>
      computeErrorBudget({ objective: 99.9, period: 'P30D' }),
    ).toThrow(/Invalid window 'P30D'/);
  });
});

describe('computeBudgetConsumption', () => {
  it('worked example: 1,000,000 events with 600 bad at 99.9% spend 60% of the budget', () => {
    const result = computeBudgetConsumption({
      objective: 99.9,
      period: '30d',
      counts: { good: 999400, total: 1000000 },
    });
    expect(result).toEqual({
      total: 0.001,
      consumed: 0.0006,
      remaining: 0.0004,
      consumedFraction: 0.6,
      remainingFraction: 0.4,
      totalMinutes: 43.2,
      consumedMinutes: 25.92,
      remainingMinutes: 17.28,
      totalEvents: 1000000,
      budgetEvents: 1000,
      consumedEvents: 600,
      remainingEvents: 400,
    });
  });

  it('spends nothing without traffic', () => {
    const result = computeBudgetConsumption({
      objective: 99.9,
      period: '30d',
      counts: { good: 0, total: 0 },
    });
    expect(result.consumedFraction).toBe(0);
    expect(result.remainingMinutes).toBe(43.2);
  });

  it('goes below zero once the budget is exhausted: 100% bad overspends it 1000 times', () => {
    const result = computeBudgetConsumption({
      objective: 99.9,
      period: '30d',
      counts: { good: 0, total: 500 },
    });
    expect(result.consumedFraction).toBe(1000);
    expect(result.remainingFraction).toBe(-999);
    expect(result.consumedMinutes).toBe(43200);
    expect(result.remainingMinutes).toBe(43.2 - 43200);
    expect(result.remainingEvents).toBe(-499.5);
  });

  it('with a 100% objective any error exhausts the (empty) budget', () => {
    const bad = computeBudgetConsumption({
      objective: 100,
      period: '30d',
      errorRatio: 0.0001,
    });
    expect(bad.consumedFraction).toBe(Infinity);
    expect(bad.totalMinutes).toBe(0);
    const clean = computeBudgetConsumption({
      objective: 100,
      period: '30d',
      errorRatio: 0,
    });
    expect(clean.consumedFraction).toBe(0);
    expect(clean.remainingFraction).toBe(1);
  });

  it('accepts an error ratio instead of counts and rejects one outside 0..1', () => {
    expect(
      computeBudgetConsumption({
        objective: 99,
        period: '30d',
        errorRatio: 0.0025,
      }).consumedFraction,
    ).toBe(0.25);
    expect(() =>
      computeBudgetConsumption({ objective: 99, period: '30d', errorRatio: 2 }),
    ).toThrow(/Invalid error ratio 2/);
  });
});

describe('computeBurnRate', () => {
  it('SLO policy of docs/platform-rules.md: 3.6% errors against a 0.1% budget burn at 36', () => {
    expect(computeBurnRate(0.036, 0.001)).toBe(36);
    expect(computeBurnRate(0.012, 0.001)).toBe(12);
    expect(computeBurnRate(0.001, 0.001)).toBe(1);
  });

  it('is null without traffic and 0 without errors', () => {
    expect(computeBurnRate(null, 0.001)).toBeNull();
    expect(computeBurnRate(NaN, 0.001)).toBeNull();
    expect(computeBurnRate(0, 0.001)).toBe(0);
  });

  it('is 1/budget when everything fails, and unbounded with a zero budget', () => {
    expect(computeBurnRate(1, 0.001)).toBe(1000);
    expect(computeBurnRate(0.5, 0)).toBe(Infinity);
    expect(computeBurnRate(0, 0)).toBe(0);
  });

  it('rejects impossible inputs', () => {
    expect(() => computeBurnRate(-0.1, 0.001)).toThrow(/error ratio/);
    expect(() => computeBurnRate(0.1, 1)).toThrow(/error budget ratio/);
  });
});

describe('budgetSpentInWindow', () => {
  it('inverts the threshold formula: 36 for 1h spends 5% of 30 days', () => {
    expect(budgetSpentInWindow(36, '1h', '30d')).toBe(0.05);
    expect(budgetSpentInWindow(12, '6h', '30d')).toBe(0.1);
    expect(budgetSpentInWindow(1, '30d', '30d')).toBe(1);
  });
});

describe('hoursUntilExhaustion', () => {
  it('is remaining share x period / rate: a full budget at rate 36 lasts 20 h', () => {
    expect(
      hoursUntilExhaustion({
        remainingFraction: 1,
        burnRate: 36,
        period: '30d',
      }),
    ).toBe(20);
    expect(
      hoursUntilExhaustion({
        remainingFraction: 0.5,
        burnRate: 1,
        period: '30d',
      }),
    ).toBe(360);
  });

  it('is null when nothing burns and 0 when the budget is already gone', () => {
    expect(
      hoursUntilExhaustion({
        remainingFraction: 0.5,
        burnRate: 0,
        period: '30d',
      }),
    ).toBeNull();
    expect(
      hoursUntilExhaustion({
        remainingFraction: 0.5,
        burnRate: null,
        period: '30d',
      }),
    ).toBeNull();
    expect(
      hoursUntilExhaustion({
        remainingFraction: -0.2,
        burnRate: 5,
        period: '30d',
      }),
    ).toBe(0);
  });
});

describe('evaluateBurnRateAlerts', () => {
  const policy = resolveSloPolicy();
  const firing = (rates: Record<string, number | null>) =>
    Object.fromEntries(
      evaluateBurnRateAlerts(policy, rates).map(a => [a.priority, a.firing]),
    );

  it('fires P1 only when both 1h and 5m exceed 36', () => {
    expect(firing({ '1h': 40, '5m': 50, '6h': 5, '30m': 40 })).toEqual({
      P1: true,
      P2: false,
    });
    expect(firing({ '1h': 40, '5m': 2, '6h': 5, '30m': 40 })).toEqual({
      P1: false,
      P2: false,
    });
    expect(firing({ '1h': 30, '5m': 200, '6h': 5, '30m': 40 }).P1).toBe(false);
  });

  it('fires P2 only when both 6h and 30m exceed 12', () => {
    expect(firing({ '1h': 14, '5m': 14, '6h': 13, '30m': 14 })).toEqual({
      P1: false,
      P2: true,
    });
    expect(firing({ '6h': 13, '30m': 11 }).P2).toBe(false);
  });

  it('needs strictly more than the threshold, like the generated rules', () => {
    expect(firing({ '1h': 36, '5m': 36 }).P1).toBe(false);
  });

  it('never fires on missing data and reports the rates it saw', () => {
    const [fast] = evaluateBurnRateAlerts(policy, { '1h': null, '5m': 100 });
    expect(fast).toEqual({
      name: 'SloErrorBudgetFastBurn',
      priority: 'P1',
      severity: 'critical',
      longWindow: '1h',
      shortWindow: '5m',
      threshold: 36,
      longRate: null,
      shortRate: 100,
      firing: false,
    });
  });
});
