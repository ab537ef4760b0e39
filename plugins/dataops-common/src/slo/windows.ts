import { DURATION_UNIT_SECONDS, parseDuration } from '../time';
import { SloInputError } from './SloInputError';

/**
 * Parses an SLO period or burn-rate window (`30d`, `6h`, `5m`) into seconds.
 * Throws {@link SloInputError} for anything else, naming the bad value.
 * @public
 */
export function parseWindow(window: string): number {
  // One canonical spelling per length: the text ends up in recording-rule names (`ratio_rate5m`), which
  // the generator and the query builders must agree on.
  const seconds = parseDuration(String(window).trim(), { canonical: true });
  if (seconds === undefined) {
    throw new SloInputError(
      `Invalid window '${window}': expected a positive integer followed by one of s, m, h, d, w (e.g. 30d, 1h, 5m)`,
    );
  }
  return seconds;
}

/**
 * Writes seconds as the shortest window text in the largest unit that divides them (3600 gives `1h`,
 * 1800 gives `30m`). Inverse of {@link parseWindow} for canonical input.
 * @public
 */
export function formatWindow(seconds: number): string {
  if (!Number.isInteger(seconds) || seconds <= 0) {
    throw new SloInputError(
      `Invalid window length ${seconds}: expected a positive whole number of seconds`,
    );
  }
  for (const unit of ['w', 'd', 'h', 'm'] as const) {
    if (seconds % DURATION_UNIT_SECONDS[unit] === 0) {
      return `${seconds / DURATION_UNIT_SECONDS[unit]}${unit}`;
    }
  }
  return `${seconds}s`;
}

/** Burn-rate windows the `slo` view reports and the rule generator records. @public */
export const SLO_REPORTED_WINDOWS = [
  '5m',
  '30m',
  '1h',
  '2h',
  '6h',
  '1d',
  '3d',
] as const;
