import { actualBurndown, idealBurndown } from './burndown';

describe('idealBurndown', () => {
  it('falls linearly from 1 to 0 over the period, one point a day', () => {
    const end = 1_700_000_000;
    const points = idealBurndown({ period: '30d', end });
    expect(points).toHaveLength(31);
    expect(points[0]).toEqual([end - 30 * 86400, 1]);
    expect(points[15]).toEqual([end - 15 * 86400, 0.5]);
    expect(points[30]).toEqual([end, 0]);
  });

  it('takes another step and rejects one longer than the period', () => {
    expect(idealBurndown({ period: '1d', end: 0, step: '6h' })).toEqual([
      [-86400, 1],
      [-64800, 0.75],
      [-43200, 0.5],
      [-21600, 0.25],
      [0, 0],
    ]);
    expect(() => idealBurndown({ period: '1d', end: 0, step: '2d' })).toThrow(
      /longer than the period/,
    );
  });
});

describe('actualBurndown', () => {
  it('spends the period budget (total events x ratio) as bad events accumulate', () => {
    // 4 days x 1000 events at 99.9%: 4 bad events allowed.
    const buckets = [
      { time: 4, good: 1000, total: 1000 },
      { time: 1, good: 999, total: 1000 },
      { time: 2, good: 1000, total: 1000 },
      { time: 3, good: 998, total: 1000 },
    ];
    expect(actualBurndown(buckets, 0.001)).toEqual([
      [1, 0.75],
      [2, 0.75],
      [3, 0.25],
      [4, 0.25],
    ]);
  });

  it('goes negative once overspent, and handles a zero budget and no traffic', () => {
    expect(
      actualBurndown([{ time: 1, good: 990, total: 1000 }], 0.001),
    ).toEqual([[1, -9]]);
    expect(
      actualBurndown(
        [
          { time: 1, good: 5, total: 5 },
          { time: 2, good: 4, total: 5 },
        ],
        0,
      ),
    ).toEqual([
      [1, 1],
      [2, 0],
    ]);
    expect(actualBurndown([{ time: 1, good: 0, total: 0 }], 0.001)).toEqual([
      [1, 1],
    ]);
  });

  it('rejects inconsistent buckets', () => {
    expect(() =>
      actualBurndown([{ time: 1, good: 3, total: 2 }], 0.001),
    ).toThrow(/Invalid burndown bucket at 1/);
  });
});
