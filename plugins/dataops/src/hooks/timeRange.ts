/** Presets of the time range control. */
export const TIME_PRESETS = ['1h', '6h', '24h', '7d'] as const;

export type TimePreset = (typeof TIME_PRESETS)[number];

/** A relative preset ending now, or a fixed window (RFC 3339 bounds). */
export type TimeRange =
  | { kind: 'preset'; preset: TimePreset }
  | { kind: 'absolute'; from: string; to: string };

export const DEFAULT_TIME_RANGE: TimeRange = { kind: 'preset', preset: '6h' };

const PRESET_MS: Record<TimePreset, number> = {
  '1h': 3_600_000,
  '6h': 6 * 3_600_000,
  '24h': 24 * 3_600_000,
  '7d': 7 * 24 * 3_600_000,
};

/** Points a chart needs to look smooth without asking Thanos for more than a screen can show. */
const TARGET_POINTS = 240;
const MIN_STEP_SECONDS = 15;

function isPreset(value: string | null): value is TimePreset {
  return (TIME_PRESETS as readonly string[]).includes(value ?? '');
}

/**
 * Reads the range from URL params. A pair of valid, ordered `from`/`to` wins over `range`; anything else falls
 * back to the default rather than failing, because links get hand-edited.
 */
export function parseTimeRange(params: URLSearchParams): TimeRange {
  const from = params.get('from');
  const to = params.get('to');
  if (from && to) {
    const f = Date.parse(from);
    const t = Date.parse(to);
    if (!Number.isNaN(f) && !Number.isNaN(t) && f < t) {
      return {
        kind: 'absolute',
        from: new Date(f).toISOString(),
        to: new Date(t).toISOString(),
      };
    }
  }
  const preset = params.get('range');
  return isPreset(preset) ? { kind: 'preset', preset } : DEFAULT_TIME_RANGE;
}

/** Writes the range into URL params, removing the other representation. */
export function writeTimeRange(params: URLSearchParams, range: TimeRange) {
  params.delete('range');
  params.delete('from');
  params.delete('to');
  if (range.kind === 'preset') {
    params.set('range', range.preset);
  } else {
    params.set('from', range.from);
    params.set('to', range.to);
  }
}

/** The range in the form the backend takes (it resolves `now-6h` itself). */
export function toApiRange(range: TimeRange): {
  from: string;
  to: string;
  step: number;
} {
  const { fromMs, toMs } = resolveTimeRange(range, Date.now());
  const step = Math.max(
    MIN_STEP_SECONDS,
    Math.round((toMs - fromMs) / 1000 / TARGET_POINTS),
  );
  if (range.kind === 'preset') {
    return { from: `now-${range.preset}`, to: 'now', step };
  }
  return { from: range.from, to: range.to, step };
}

/** Absolute bounds in unix milliseconds, for chart domains. */
export function resolveTimeRange(
  range: TimeRange,
  nowMs: number,
): { fromMs: number; toMs: number } {
  if (range.kind === 'preset') {
    return { fromMs: nowMs - PRESET_MS[range.preset], toMs: nowMs };
  }
  return { fromMs: Date.parse(range.from), toMs: Date.parse(range.to) };
}

/** A fixed window of `halfWidthMs` either side of a moment. */
export function windowAround(momentMs: number, halfWidthMs: number): TimeRange {
  return {
    kind: 'absolute',
    from: new Date(momentMs - halfWidthMs).toISOString(),
    to: new Date(momentMs + halfWidthMs).toISOString(),
  };
}

/** Short text of a range for headings. */
export function describeTimeRange(range: TimeRange): string {
  if (range.kind === 'preset') return `last ${range.preset}`;
  return `${range.from} to ${range.to}`;
}
