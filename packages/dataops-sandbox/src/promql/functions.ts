import { Sample } from './types';

/**
 * Prometheus' extrapolated rate (`rate`, `increase`, `delta`): the difference over the samples in the window,
 * corrected for counter resets, extrapolated towards the window edges unless the series starts or ends too
 * far inside it. Follows the reference engine closely so results match a real Prometheus.
 */
export function extrapolatedRate(
  samples: Sample[],
  rangeStartMs: number,
  rangeEndMs: number,
  isCounter: boolean,
  isRate: boolean,
): number | undefined {
  if (samples.length < 2) {
    return undefined;
  }
  const first = samples[0];
  const last = samples[samples.length - 1];
  let correction = 0;
  let previous = 0;
  for (const s of samples) {
    if (isCounter && s.v < previous) {
      correction += previous;
    }
    previous = s.v;
  }
  let result = last.v - first.v + correction;
  let durationToStart = (first.t - rangeStartMs) / 1000;
  const durationToEnd = (rangeEndMs - last.t) / 1000;
  const sampledInterval = (last.t - first.t) / 1000;
  const averageBetween = sampledInterval / (samples.length - 1);
  if (isCounter && result > 0 && first.v >= 0) {
    const durationToZero = sampledInterval * (first.v / result);
    if (durationToZero < durationToStart) {
      durationToStart = durationToZero;
    }
  }
  const threshold = averageBetween * 1.1;
  let extrapolateTo = sampledInterval;
  extrapolateTo += durationToStart < threshold ? durationToStart : averageBetween / 2;
  extrapolateTo += durationToEnd < threshold ? durationToEnd : averageBetween / 2;
  result *= extrapolateTo / sampledInterval;
  if (isRate) {
    result /= (rangeEndMs - rangeStartMs) / 1000;
  }
  return result;
}

export function instantRate(samples: Sample[]): number | undefined {
  if (samples.length < 2) {
    return undefined;
  }
  const last = samples[samples.length - 1];
  const previous = samples[samples.length - 2];
  const diff = last.v < previous.v ? last.v : last.v - previous.v;
  const interval = (last.t - previous.t) / 1000;
  return interval === 0 ? undefined : diff / interval;
}

interface Bucket {
  upperBound: number;
  count: number;
}

/** `histogram_quantile` over classic buckets, with the reference engine's handling of odd buckets. */
export function bucketQuantile(q: number, input: Bucket[]): number {
  if (Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  const sorted = [...input].sort((a, b) => a.upperBound - b.upperBound);
  if (sorted.length === 0 || sorted[sorted.length - 1].upperBound !== Infinity) {
    return NaN;
  }
  const buckets: Bucket[] = [];
  for (const b of sorted) {
    const prev = buckets[buckets.length - 1];
    if (prev && prev.upperBound === b.upperBound) {
      prev.count += b.count;
    } else {
      buckets.push({ ...b });
    }
  }
  let max = -Infinity;
  for (const b of buckets) {
    if (b.count > max) {
      max = b.count;
    } else if (b.count < max) {
      b.count = max;
    }
  }
  if (buckets.length < 2) return NaN;
  const observations = buckets[buckets.length - 1].count;
  if (observations === 0) return NaN;
  let rank = q * observations;
  let b = 0;
  while (b < buckets.length - 1 && !(buckets[b].count >= rank)) {
    b++;
  }
  if (b === buckets.length - 1) {
    return buckets[buckets.length - 2].upperBound;
  }
  if (b === 0 && buckets[0].upperBound <= 0) {
    return buckets[0].upperBound;
  }
  let bucketStart = 0;
  const bucketEnd = buckets[b].upperBound;
  let count = buckets[b].count;
  if (b > 0) {
    bucketStart = buckets[b - 1].upperBound;
    count -= buckets[b - 1].count;
    rank -= buckets[b - 1].count;
  }
  return bucketStart + (bucketEnd - bucketStart) * (rank / count);
}

/** Functions of one value, applied per series (metric name dropped, as the reference engine does). */
export const SIMPLE_FUNCTIONS: Record<string, (v: number) => number> = {
  abs: Math.abs,
  ceil: Math.ceil,
  floor: Math.floor,
  sqrt: Math.sqrt,
  exp: Math.exp,
  ln: Math.log,
  log2: Math.log2,
  log10: Math.log10,
  sgn: v => (v === 0 || Number.isNaN(v) ? v : Math.sign(v)),
};

/** `<aggregation>_over_time` functions over the samples of a range. */
export const OVER_TIME: Record<string, (values: number[]) => number> = {
  avg_over_time: values => {
    let mean = 0;
    let count = 0;
    for (const v of values) {
      count++;
      if (!Number.isFinite(mean) && Number.isFinite(v)) continue;
      mean += v / count - mean / count;
    }
    return mean;
  },
  sum_over_time: values => values.reduce((a, b) => a + b, 0),
  count_over_time: values => values.length,
  max_over_time: values => values.reduce((a, b) => (b > a || Number.isNaN(a) ? b : a)),
  min_over_time: values => values.reduce((a, b) => (b < a || Number.isNaN(a) ? b : a)),
  last_over_time: values => values[values.length - 1],
  present_over_time: () => 1,
};
