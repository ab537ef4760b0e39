/**
 * Splits times into groups wherever two consecutive times (sorted) are more than `gapMs` apart, e.g. calls
 * of one round of a page view, or the calls of one alert poll.
 */
export function clusterByGap(
  timesMs: readonly number[],
  gapMs: number,
): number[][] {
  const sorted = [...timesMs].sort((a, b) => a - b);
  const clusters: number[][] = [];
  for (const t of sorted) {
    const last = clusters[clusters.length - 1];
    if (last && t - last[last.length - 1] <= gapMs) {
      last.push(t);
    } else {
      clusters.push([t]);
    }
  }
  return clusters;
}

/**
 * How many sequential rounds of upstream calls one page view made: calls that arrive at the stand-in
 * within `gapMs` of the previous call belong to the same round; a longer pause means the backend waited for
 * answers before sending the next calls (a `series` call after an empty `query_range`, a fallback query, or a
 * call queued behind the per-upstream concurrency cap). With every upstream `latencyMs` away, the view cannot
 * answer sooner than rounds x latencyMs: that is its critical path.
 */
export function countRounds(
  arrivalsMs: readonly number[],
  gapMs: number,
): number {
  return clusterByGap(arrivalsMs, gapMs).length;
}
