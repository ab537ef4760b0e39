import type { ScenarioResult } from '../types';

/** Milliseconds with a precision that suits the magnitude: `0.42 ms`, `4.2 ms`, `312 ms`. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) {
    return 'n/a';
  }
  const abs = Math.abs(ms);
  let digits = 0;
  if (abs < 1) {
    digits = 2;
  } else if (abs < 10) {
    digits = 1;
  }
  return `${ms.toFixed(digits)} ms`;
}

/** Mebibytes from bytes, one decimal. */
export function formatMiB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** A ratio such as wall-time growth: `1.04x`. */
export function formatRatio(ratio: number): string {
  return Number.isFinite(ratio) ? `${ratio.toFixed(2)}x` : 'n/a';
}

/** Thousands separated with a comma, at most one decimal: `1,234.5`. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

function cellText(value: string | number | undefined): string {
  if (value === undefined) {
    return '';
  }
  return typeof value === 'number' ? formatCount(value) : value;
}

/** A fixed-width text table for the terminal: header, dashed rule, one line per row. */
export function formatTextTable(
  columns: readonly string[],
  rows: ReadonlyArray<Record<string, string | number>>,
): string {
  const cells = rows.map(row => columns.map(c => cellText(row[c])));
  const widths = columns.map((c, i) =>
    Math.max(c.length, ...cells.map(line => line[i].length)),
  );
  const line = (values: string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [
    line([...columns]),
    line(widths.map(w => '-'.repeat(w))),
    ...cells.map(line),
  ].join('\n');
}

/**
 * A Markdown table; pipes inside cells are escaped so they do not split the row. Columns are padded the way
 * Prettier formats tables, so the generated document passes the repository's format check as written.
 */
export function formatMarkdownTable(
  columns: readonly string[],
  rows: ReadonlyArray<Record<string, string | number>>,
): string {
  const escape = (s: string) => s.replace(/\|/g, '\\|');
  const cells = [
    columns.map(escape),
    ...rows.map(row => columns.map(c => escape(cellText(row[c])))),
  ];
  const widths = columns.map((_, i) =>
    Math.max(3, ...cells.map(line => line[i].length)),
  );
  const line = (values: string[]) =>
    `| ${values.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
  return [
    line(cells[0]),
    line(widths.map(w => '-'.repeat(w))),
    ...cells.slice(1).map(line),
  ].join('\n');
}

/** What the terminal shows for one scenario: title, goal and verdict, the table, the notes. */
export function formatResultForTerminal(result: ScenarioResult): string {
  const verdict = result.goal
    ? `goal: ${result.goal} -> ${result.verdict.toUpperCase()}`
    : `verdict: ${result.verdict}`;
  return [
    `== ${result.id}: ${result.title}`,
    verdict,
    formatTextTable(result.columns, result.rows),
    ...result.notes.map(n => `* ${n}`),
  ].join('\n');
}
