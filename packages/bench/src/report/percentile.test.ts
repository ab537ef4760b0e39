import { percentile } from './percentile';

describe('percentile', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted on purpose

  it('uses the nearest rank, so p99 of 1..100 is 99 and p50 is 50', () => {
    expect(percentile(hundred, 0.99)).toBe(99);
    expect(percentile(hundred, 0.5)).toBe(50);
    expect(percentile(hundred, 1)).toBe(100);
    expect(percentile(hundred, 0)).toBe(1);
  });

  it('does not reorder the caller array', () => {
    const samples = [3, 1, 2];
    percentile(samples, 0.5);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('gives NaN without samples and refuses p outside 0..1', () => {
    expect(percentile([], 0.5)).toBeNaN();
    expect(() => percentile([1], 99)).toThrow(RangeError);
  });
});
