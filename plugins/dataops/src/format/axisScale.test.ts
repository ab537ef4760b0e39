import {
  burndownAxisScale,
  formatAxisPercent,
  niceTicks,
  valueAxisScale,
} from './axisScale';

const ascendingEvenly = (ticks: number[]) => {
  const steps = ticks.slice(1).map((t, i) => t - ticks[i]);
  return steps.every(s => s > 0 && Math.abs(s - steps[0]) < 1e-9);
};

describe('niceTicks', () => {
  it('covers the range with round, evenly spaced, ascending ticks', () => {
    expect(niceTicks(0, 5.75)).toEqual([0, 2, 4, 6]);
    expect(niceTicks(-1.87, 1)).toEqual([-2, -1, 0, 1]);
    expect(niceTicks(-1.87, 1, 8)).toEqual([-2, -1.5, -1, -0.5, 0, 0.5, 1]);
    expect(niceTicks(0, 100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0.1, 0.3)).toEqual([0.1, 0.15, 0.2, 0.25, 0.3]);
    for (const [lo, hi] of [
      [-9.99, 1],
      [0, 0.0042],
      [3, 3],
      [-250, 17],
    ]) {
      const ticks = niceTicks(lo, hi);
      expect(ascendingEvenly(ticks)).toBe(true);
      expect(ticks[0]).toBeLessThanOrEqual(lo);
      expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(hi);
      expect(ticks.length).toBeLessThanOrEqual(8);
    }
  });
});

describe('burndownAxisScale', () => {
  it('runs from the overspent low up to a full budget, ticks monotonic and signed', () => {
    const scale = burndownAxisScale([1, 0.95, 0.4, -1.87, null, 0]);
    expect(scale.domain).toEqual([-2, 1]);
    expect(scale.ticks.map(formatAxisPercent)).toEqual([
      '-200%',
      '-100%',
      '0%',
      '100%',
    ]);
    expect(ascendingEvenly(scale.ticks)).toBe(true);
  });

  it('shows 0% to 100% for a healthy budget and keeps the top at exactly 100%', () => {
    expect(
      burndownAxisScale([1, 0.8, 0.62]).ticks.map(formatAxisPercent),
    ).toEqual(['0%', '20%', '40%', '60%', '80%', '100%']);
    const spent = burndownAxisScale([1, -9.99]);
    expect(spent.domain[1]).toBe(1);
    expect(spent.ticks[spent.ticks.length - 1]).toBe(1);
    expect(spent.ticks[0]).toBeLessThanOrEqual(-9.99);
  });

  it('formats fractions as signed percentages without -0', () => {
    expect(formatAxisPercent(-0.375)).toBe('-37.5%');
    expect(formatAxisPercent(-0)).toBe('0%');
    expect(formatAxisPercent(1.12)).toBe('112%');
  });
});

describe('valueAxisScale', () => {
  it('scales a small percent panel to its data and thresholds, with headroom', () => {
    const scale = valueAxisScale({
      values: [0.8, 1.1, 1.4, null],
      unit: 'percent',
      thresholds: { direction: 'above', warning: 3, critical: 5 },
    });
    expect(scale.domain).toEqual([0, 6]);
    expect(scale.ticks).toEqual([0, 2, 4, 6]);
  });

  it('never goes beyond 0-100% for percent, or 0-1 for ratios', () => {
    const high = valueAxisScale({ values: [97, 99.5], unit: 'percent' });
    expect(high.domain).toEqual([0, 100]);
    const negative = valueAxisScale({ values: [-3, 40], unit: '%' });
    expect(negative.domain[0]).toBe(0);
    const ratio = valueAxisScale({
      values: [0.9],
      unit: 'ratio',
      thresholds: { direction: 'above', warning: 0.95 },
    });
    expect(ratio.domain).toEqual([0, 1]);
  });

  it('keeps both thresholds in view when the data sits far below them', () => {
    const scale = valueAxisScale({
      values: [2, 3],
      unit: 'seconds',
      thresholds: { direction: 'above', warning: 30, critical: 60 },
    });
    expect(scale.domain[0]).toBe(0);
    expect(scale.domain[1]).toBeGreaterThan(60);
    expect(scale.domain[1]).toBeLessThanOrEqual(80);
  });

  it('follows negative values on unbounded units and has an axis without data', () => {
    expect(
      valueAxisScale({ values: [-40, 10], unit: 'count' }).domain[0],
    ).toBeLessThanOrEqual(-40);
    expect(valueAxisScale({ values: [], unit: 'percent' }).domain).toEqual([
      0, 100,
    ]);
  });
});
