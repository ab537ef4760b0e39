import { worstLevel } from '../levels';
import { evaluateThresholds, rollupArea } from './evaluateThresholds';

describe('evaluateThresholds', () => {
  const cpu = { direction: 'above' as const, warning: 70, critical: 85 };
  const success = { direction: 'below' as const, warning: 98, critical: 95 };

  it.each([
    [50, cpu, 'healthy'],
    [70, cpu, 'healthy'],
    [70.1, cpu, 'warning'],
    [85.1, cpu, 'critical'],
    [99, success, 'healthy'],
    [97, success, 'warning'],
    [94.9, success, 'critical'],
    [0, { direction: 'above' as const, critical: 0 }, 'healthy'],
    [1, { direction: 'above' as const, critical: 0 }, 'critical'],
  ])('%p against %p is %p', (value, thresholds, level) => {
    expect(evaluateThresholds(value, thresholds)).toBe(level);
  });

  it('never calls missing data healthy', () => {
    expect(evaluateThresholds(null, cpu)).toBe('unknown');
    expect(evaluateThresholds(NaN, cpu)).toBe('unknown');
    expect(evaluateThresholds(undefined)).toBe('unknown');
  });

  it('is healthy without thresholds', () => {
    expect(evaluateThresholds(3)).toBe('healthy');
  });
});

describe('worstLevel and rollupArea', () => {
  it('ranks critical over warning over unknown over healthy', () => {
    expect(worstLevel(['healthy', 'unknown'])).toBe('unknown');
    expect(worstLevel(['unknown', 'warning', 'healthy'])).toBe('warning');
    expect(worstLevel(['warning', 'critical'])).toBe('critical');
    expect(worstLevel([])).toBe('unknown');
  });

  it('names the parts with the worst level', () => {
    expect(
      rollupArea([
        { level: 'healthy', label: 'GC' },
        { level: 'critical', label: 'Restarts', detail: '5 > 3' },
        { level: 'warning', label: 'Memory' },
      ]),
    ).toEqual({ level: 'critical', reason: 'critical: Restarts (5 > 3)' });
  });

  it('summarises healthy areas and empty ones', () => {
    expect(rollupArea([{ level: 'healthy', label: 'a' }])).toEqual({
      level: 'healthy',
      reason: '1 of 1 healthy',
    });
    expect(rollupArea([], 'no panels')).toEqual({
      level: 'unknown',
      reason: 'no panels',
    });
  });

  it('abbreviates long culprit lists', () => {
    const inputs = ['a', 'b', 'c', 'd', 'e'].map(label => ({
      level: 'warning' as const,
      label,
    }));
    expect(rollupArea(inputs).reason).toBe('warning: a, b, c and 2 more');
  });
});
