/** One counter (or gauge) series and its samples, `[unixSeconds, value]` in time order. @public */
export interface SeriesHistory {
  /** Metric name. */
  metric: string;
  /** Label names and values of the series. */
  labels: Record<string, string>;
  /** `[unixSeconds, value]` pairs, oldest first. */
  samples: Array<[number, number]>;
}

const METRIC = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * Writes series as OpenMetrics text for `promtool tsdb create-blocks-from openmetrics`: timestamps in
 * seconds, every series' samples together, `# EOF` at the end. Metadata lines are left out on purpose,
 * so summary `_count` series and counters can be written alike (they load as untyped series, which is
 * all PromQL needs).
 * @public
 */
export function toOpenMetrics(series: SeriesHistory[]): string {
  const lines: string[] = [];
  for (const s of series) {
    if (!METRIC.test(s.metric)) {
      throw new Error(`Invalid metric name '${s.metric}'`);
    }
    const labels = Object.entries(s.labels)
      .map(([name, value]) => {
        if (!LABEL.test(name)) {
          throw new Error(`Invalid label name '${name}'`);
        }
        return `${name}=${JSON.stringify(value)}`;
      })
      .join(',');
    const prefix = labels ? `${s.metric}{${labels}}` : s.metric;
    let last = -Infinity;
    for (const [t, v] of s.samples) {
      if (!(t > last)) {
        throw new Error(
          `Samples of ${prefix} are not in increasing time order at ${t}`,
        );
      }
      last = t;
      lines.push(`${prefix} ${v} ${t}`);
    }
  }
  lines.push('# EOF');
  return `${lines.join('\n')}\n`;
}

/**
 * Samples of a counter that starts at 0 at `start` and grows by `increment(t)` at every step up to and
 * including `end`; `increment(t)` is the number of events in the step ending at `t`.
 * @public
 */
export function counterSamples(options: {
  start: number;
  end: number;
  step: number;
  increment: (t: number) => number;
}): Array<[number, number]> {
  const { start, end, step, increment } = options;
  const samples: Array<[number, number]> = [[start, 0]];
  let value = 0;
  for (let t = start + step; t <= end; t += step) {
    value += increment(t);
    samples.push([t, value]);
  }
  return samples;
}
