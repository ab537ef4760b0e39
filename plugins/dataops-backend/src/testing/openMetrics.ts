/** One series of generated history: a value for every sample time. */
export interface GeneratedSeries {
  name: string;
  type?: 'gauge' | 'counter';
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
  const families = new Map<string, GeneratedSeries[]>();
  for (const s of series) {
    families.set(s.name, [...(families.get(s.name) ?? []), s]);
  }
  const lines: string[] = [];
  for (const [name, members] of families) {
    const type = members[0].type ?? 'gauge';
    const family = type === 'counter' ? name.replace(/_total$/, '') : name;
    lines.push(`# TYPE ${family} ${type}`);
    for (const s of members) {
      const labels = Object.entries(s.labels)
        .map(
          ([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`,
        )
        .join(',');
      for (
        let t = options.start;
        t <= options.end;
        t += options.intervalSeconds
      ) {
        lines.push(`${name}{${labels}} ${s.value(t)} ${t}`);
      }
    }
  }
  lines.push('# EOF', '');
  return lines.join('\n');
}
