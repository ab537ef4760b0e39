import fs from 'node:fs';
import { StoredSeries } from '../promql';
import { formatValue } from './formatValue';

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/**
 * Writes the samples of `[mint, maxt]` as OpenMetrics text, the input of
 * `promtool tsdb create-blocks-from openmetrics`; a real Prometheus can then serve exactly these samples.
 * Series are grouped by name because the format wants each metric family in one piece.
 */
export function writeOpenMetrics(series: StoredSeries[], mint: number, maxt: number, file: string): number {
  const sorted = [...series].sort((a, b) => a.labels.__name__.localeCompare(b.labels.__name__, 'en'));
  const fd = fs.openSync(file, 'w');
  let lines = 0;
  try {
    for (const s of sorted) {
      const { __name__: name, ...rest } = s.labels;
      const labelText = Object.entries(rest).map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',');
      const prefix = labelText ? `${name}{${labelText}}` : name;
      const chunk = s.samples(mint, maxt).map(x => `${prefix} ${formatValue(x.v)} ${x.t / 1000}\n`);
      fs.writeSync(fd, chunk.join(''));
      lines += chunk.length;
    }
    fs.writeSync(fd, '# EOF\n');
  } finally {
    fs.closeSync(fd);
  }
  return lines;
}
