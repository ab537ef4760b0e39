import { parseDuration } from './parseDuration';

/** A parsed and bounded time range of a view request. @public */
export interface TimeRange {
  /** Unix seconds. */
  from: number;
  /** Unix seconds. */
  to: number;
  /** Seconds between points. */
  step: number;
}

/** Bounds and defaults of {@link parseTimeRange}. @public */
export interface TimeRangeOptions {
  /** Default `now-6h`. */
  defaultFrom?: string;
  /** Longest range accepted, seconds; default 31 days. */
  maxRangeSeconds?: number;
  /** Most points one series may have; default 1000 (queries must be bounded: docs/platform-rules.md, "Lessons"). */
  maxPoints?: number;
  /** Smallest step, seconds; default 15 (the fastest scrape interval). */
  minStep?: number;
  /** Current time in unix milliseconds, for tests. */
  now?: number;
}

/** Thrown for unusable time parameters; `parameter` names which one. @public */
export class TimeRangeError extends Error {
  constructor(
    /** The request parameter that is unusable: `from`, `to` or `step`. */
    readonly parameter: string,
    message: string,
  ) {
    super(`Invalid '${parameter}': ${message}`);
    this.name = 'TimeRangeError';
  }
}

const RELATIVE = /^now(?:-(.*))?$/;
const RFC3339 =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/i;

/**
 * Parses `now`, `now-6h` (units s m h d w) or an RFC 3339 timestamp into unix seconds.
 * @public
 */
export function parseTimeExpression(
  parameter: string,
  text: string,
  nowMs: number,
): number {
  const value = text.trim();
  const relative = RELATIVE.exec(value);
  const offset =
    relative?.[1] === undefined
      ? 0
      : parseDuration(relative[1], { maxDigits: 6 });
  if (relative && offset !== undefined) {
    return Math.floor(nowMs / 1000) - offset;
  }
  if (RFC3339.test(value)) {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) {
      return Math.floor(ms / 1000);
    }
  }
  throw new TimeRangeError(
    parameter,
    `'${text}' is neither 'now', 'now-<n><s|m|h|d|w>' nor an RFC 3339 timestamp`,
  );
}

/** Rounds a step up to a value people read easily (15s, 1m, 5m, ...), so cached ranges line up. */
const NICE_STEPS = [
  15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400,
];

function niceStep(seconds: number): number {
  return (
    NICE_STEPS.find(s => s >= seconds) ?? Math.ceil(seconds / 86400) * 86400
  );
}

/**
 * Parses and bounds a time range: `from` before `to`, not longer than the maximum, and a step that keeps
 * every series at or under `maxPoints` points. A requested step that is too fine is raised to the
 * smallest allowed one rather than refused, because clients pick steps from their pixel width.
 * @public
 */
export function parseTimeRange(
  input: { from?: string; to?: string; step?: string | number },
  options: TimeRangeOptions = {},
): TimeRange {
  const now = options.now ?? Date.now();
  const maxRange = options.maxRangeSeconds ?? 31 * 86400;
  const maxPoints = options.maxPoints ?? 1000;
  const minStep = options.minStep ?? 15;
  const from = parseTimeExpression(
    'from',
    input.from ?? options.defaultFrom ?? 'now-6h',
    now,
  );
  const to = parseTimeExpression('to', input.to ?? 'now', now);
  if (from >= to) {
    throw new TimeRangeError('from', `must be before 'to'`);
  }
  if (to - from > maxRange) {
    throw new TimeRangeError(
      'from',
      `range is longer than the maximum of ${maxRange} seconds`,
    );
  }
  const range = to - from;
  const smallest = Math.max(minStep, Math.ceil(range / maxPoints));
  let step: number;
  if (input.step === undefined || input.step === '') {
    step = Math.max(smallest, niceStep(range / 250));
  } else {
    const requested = Number(input.step);
    if (!Number.isFinite(requested) || requested <= 0) {
      throw new TimeRangeError(
        'step',
        `'${input.step}' is not a positive number of seconds`,
      );
    }
    step = Math.max(smallest, Math.ceil(requested));
  }
  return { from, to, step };
}
