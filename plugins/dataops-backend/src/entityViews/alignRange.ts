import type { TimeRange } from '@dataops-observability/plugin-dataops-common';

/**
 * Moves a range back to the nearest multiple of its step, keeping its length. Ranges that differ by less
 * than a step (a relative range asked a few seconds later, absolute ranges picked by dragging) then ask
 * the same queries and share one cache entry; the points returned are the same step grid Prometheus
 * would evaluate anyway.
 */
export function alignRange(range: TimeRange): TimeRange {
  const shift = range.to % range.step;
  if (shift === 0) {
    return range;
  }
  return { ...range, from: range.from - shift, to: range.to - shift };
}
