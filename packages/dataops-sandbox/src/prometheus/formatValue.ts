/** Sample values travel as strings in the Prometheus API, with Go's spelling of the special values. */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

/** Parses an API time parameter: unix seconds (fractions allowed) or RFC 3339. */
export function parseTime(value: unknown, name: string, fallbackMs?: number): number {
  if (value === undefined || value === '') {
    if (fallbackMs !== undefined) return fallbackMs;
    throw new Error(`missing parameter "${name}"`);
  }
  const text = String(value);
  const seconds = Number(text);
  if (Number.isFinite(seconds)) return Math.round(seconds * 1000);
  const ms = Date.parse(text);
  if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}T/.test(text)) {
    throw new Error(`invalid parameter "${name}": cannot parse "${text}" to a valid timestamp`);
  }
  return ms;
}
