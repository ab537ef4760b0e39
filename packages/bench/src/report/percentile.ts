/**
 * The value below which `p` (0..1) of the samples fall, nearest-rank method: with 100 samples p99 is the
 * 99th smallest, so one slow outlier in a hundred does not move it. `NaN` when there are no samples.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) {
    return NaN;
  }
  if (p < 0 || p > 1) {
    throw new RangeError(`percentile wants p between 0 and 1, got ${p}`);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1];
}
