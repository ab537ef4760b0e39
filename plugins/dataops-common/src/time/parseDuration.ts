/** Seconds per unit of a duration such as `30d`: the units Prometheus durations and `now-6h` share. @public */
export const DURATION_UNIT_SECONDS = {
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
  w: 604800,
} as const;

/** Unit letter of a duration. @public */
export type DurationUnit = keyof typeof DURATION_UNIT_SECONDS;

/** Limits {@link parseDuration} applies. @public */
export interface ParseDurationOptions {
  /** Most digits the count may have, which bounds the value; default 7. */
  maxDigits?: number;
  /**
   * Accept only the canonical spelling: a count of at least 1 without leading zeros. Texts that end up
   * in names (recording rules) need one spelling per length; time expressions do not.
   */
  canonical?: boolean;
}

const DURATION = /^(\d+)([smhdw])$/;

/**
 * Reads one integer and one unit (`30d`, `6h`, `90s`; units s m h d w) as seconds, or undefined when the
 * text is anything else. Callers turn undefined into their own error, naming the parameter they read.
 * @public
 */
export function parseDuration(
  text: string,
  options: ParseDurationOptions = {},
): number | undefined {
  const match = DURATION.exec(text);
  if (!match) {
    return undefined;
  }
  const [, count, unit] = match;
  if (count.length > (options.maxDigits ?? 7)) {
    return undefined;
  }
  if (options.canonical && count.startsWith('0')) {
    return undefined;
  }
  return Number(count) * DURATION_UNIT_SECONDS[unit as DurationUnit];
}
