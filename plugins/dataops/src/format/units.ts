/**
 * The one place that turns panel values into text, shared by chart axes, tooltips, tables and cards so a value
 * reads the same everywhere. Units follow the backend's `unit` field; a few Grafana-style aliases are accepted
 * because panel templates are often copied from Grafana dashboards.
 */

/** Canonical unit families the formatter knows. */
export type UnitKind =
  | 'percent'
  | 'ratio'
  | 'seconds'
  | 'milliseconds'
  | 'bytes'
  | 'ops'
  | 'count';

const ALIASES: Record<string, UnitKind> = {
  percent: 'percent',
  '%': 'percent',
  ratio: 'ratio',
  percentunit: 'ratio',
  seconds: 'seconds',
  second: 'seconds',
  s: 'seconds',
  milliseconds: 'milliseconds',
  ms: 'milliseconds',
  bytes: 'bytes',
  byte: 'bytes',
  b: 'bytes',
  'ops/s': 'ops',
  ops: 'ops',
  reqps: 'ops',
  'req/s': 'ops',
  rps: 'ops',
  count: 'count',
  short: 'count',
  none: 'count',
  '': 'count',
};

export function unitKind(unit: string | undefined): UnitKind {
  return ALIASES[(unit ?? '').trim().toLocaleLowerCase('en-US')] ?? 'count';
}

function trim(value: number): string {
  const abs = Math.abs(value);
  let digits = 2;
  if (abs >= 100) digits = 0;
  else if (abs >= 10) digits = 1;
  return new Intl.NumberFormat('en-US', {
    maximumFractionDigits: digits,
    useGrouping: false,
  }).format(value);
}

function scaled(
  value: number,
  base: number,
  suffixes: string[],
  separator = ' ',
): string {
  let i = 0;
  let v = value;
  while (Math.abs(v) >= base && i < suffixes.length - 1) {
    v /= base;
    i++;
  }
  return `${trim(v)}${separator}${suffixes[i]}`.trimEnd();
}

function seconds(value: number): string {
  const abs = Math.abs(value);
  if (abs === 0) return '0 s';
  if (abs < 1e-3) return `${trim(value * 1e6)} µs`;
  if (abs < 1) return `${trim(value * 1e3)} ms`;
  if (abs < 60) return `${trim(value)} s`;
  if (abs < 3600) return `${trim(value / 60)} min`;
  if (abs < 86400) return `${trim(value / 3600)} h`;
  return `${trim(value / 86400)} d`;
}

/**
 * Formats a value for display. Null and NaN read as "no value" rather than 0, since "zero" and "no sample" must
 * never look alike.
 */
export function formatValue(
  value: number | null | undefined,
  unit: string | undefined,
): string {
  if (value === null || value === undefined || Number.isNaN(value)) {
    return 'no value';
  }
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  switch (unitKind(unit)) {
    case 'percent':
      return `${trim(value)}%`;
    case 'ratio':
      return `${trim(value * 100)}%`;
    case 'seconds':
      return seconds(value);
    case 'milliseconds':
      return seconds(value / 1000);
    case 'bytes':
      return scaled(value, 1024, ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB']);
    case 'ops':
      return `${scaled(value, 1000, ['', 'k', 'M', 'G'], '')} ops/s`;
    default:
      return scaled(value, 1000, ['', 'k', 'M', 'G', 'T'], '');
  }
}

/** Tick formatter for a chart axis of the given unit. */
export function axisFormatter(unit: string | undefined): (v: number) => string {
  return v => formatValue(v, unit);
}

/** Human name of a unit for an axis label. */
export function unitLabel(unit: string | undefined): string {
  switch (unitKind(unit)) {
    case 'percent':
    case 'ratio':
      return 'percent';
    case 'seconds':
    case 'milliseconds':
      return 'duration';
    case 'bytes':
      return 'bytes';
    case 'ops':
      return 'operations per second';
    default:
      return unit ?? '';
  }
}

/** Fixed upper bound for axes whose unit has one (percent), so 3% does not fill the chart. */
export function axisDomainMax(unit: string | undefined): number | 'auto' {
  switch (unitKind(unit)) {
    case 'percent':
      return 100;
    case 'ratio':
      return 1;
    default:
      return 'auto';
  }
}

/** "12 min", "3 h 5 min", "45 s": the length of a span of time given in milliseconds. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  if (totalSeconds < 60) return `${totalSeconds} s`;
  const minutes = Math.floor(totalSeconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    const rest = minutes % 60;
    return rest ? `${hours} h ${rest} min` : `${hours} h`;
  }
  return `${Math.floor(hours / 24)} d`;
}
