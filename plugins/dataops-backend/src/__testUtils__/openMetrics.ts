import { toOpenMetrics as writeOpenMetrics } from '@dataops-observability/plugin-dataops-test-utils';

/** One series of generated history: a value for every sample time. */
export interface GeneratedSeries {
  name: string;
  labels: Record<string, string>;
  value(t: number): number;
}

/**
 * OpenMetrics text for `promtool tsdb create-blocks-from openmetrics`: every series sampled every
 * `intervalSeconds` from `start` to `end` (unix seconds), grouped per metric family as the format requires.
 */
export function toOpenMetrics(
  series: GeneratedSeries[],
  options: { start: number; end: number; intervalSeconds: number },
): string {
  const times: number[] = [];
  for (let t = options.start; t <= options.end; t += options.intervalSeconds) {
    times.push(t);
  }
  const families = new Map<string, GeneratedSeries[]>();
  for (const s of series) {
    families.set(s.name, [...(families.get(s.name) ?? []), s]);
  }
  return writeOpenMetrics(
    [...families.values()].flat().map(s => ({
      metric: s.name,
      labels: s.labels,
      samples: times.map(t => [t, s.value(t)] as [number, number]),
    })),
  );
}
