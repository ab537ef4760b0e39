import {
  MetricPanel,
  Series,
} from '@dataops-observability/plugin-dataops-common';

/** One line of a chart: a series of one environment. */
export interface ChartSeries {
  key: string;
  env: string;
  name: string;
  points: Series['points'];
}

/** Series labels as a short legend text; the label set that varies is what tells lines apart. */
export function seriesName(
  env: string,
  labels: Record<string, string>,
): string {
  const parts = Object.entries(labels)
    .filter(([k]) => k !== '__name__')
    .map(([k, v]) => `${k}=${v}`);
  return parts.length ? `${env} ${parts.join(', ')}` : env;
}

export function toChartSeries(env: string, panel: MetricPanel): ChartSeries[] {
  return panel.series.map((s, i) => ({
    key: `s${i}_${env}`,
    env,
    name: seriesName(env, s.labels),
    points: s.points,
  }));
}

/**
 * Rows keyed by timestamp (ms) with one column per series, the shape recharts wants. Nulls stay null so the
 * line breaks where there was no sample rather than dropping to zero.
 */
export function mergeSeries(
  series: ChartSeries[],
): Array<Record<string, number | null>> {
  const rows = new Map<number, Record<string, number | null>>();
  for (const s of series) {
    for (const [t, v] of s.points) {
      const ms = t * 1000;
      const row = rows.get(ms) ?? { t: ms };
      row[s.key] = v === null || Number.isNaN(v) ? null : v;
      rows.set(ms, row);
    }
  }
  return Array.from(rows.values()).sort(
    (a, b) => (a.t as number) - (b.t as number),
  );
}
