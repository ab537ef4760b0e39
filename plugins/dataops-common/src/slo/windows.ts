import { SloInputError } from './SloInputError';

const UNIT_SECONDS: Record<string, number> = {
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
  w: 604800,
};

// One integer and one unit only: the text ends up in recording-rule names (`ratio_rate5m`), which must be
// canonical so the generator and the query builders agree on them.
const WINDOW = /^([1-9][0-9]{0,6})(s|m|h|d|w)$/;

/**
 * Parses an SLO period or burn-rate window (`30d`, `6h`, `5m`) into seconds.
 * Throws {@link SloInputError} for anything else, naming the bad value.
 * @public
 */
export function parseWindow(window: string): number {
  const match = WINDOW.exec(String(window).trim());
  if (!match) {
    throw new SloInputError(
      `Invalid window '${window}': expected a positive integer followed by one of s, m, h, d, w (e.g. 30d, 1h, 5m)`,
    );
  }
  return Number(match[1]) * UNIT_SECONDS[match[2]];
}

/**
 * Writes seconds as the shortest window text in the largest unit that divides them (3600 -> `1h`,
 * 1800 -> `30m`). Inverse of {@link parseWindow} for canonical input.
 * @public
 */
export function formatWindow(seconds: number): string {
  if (!Number.isInteger(seconds) || seconds <= 0) {
    throw new SloInputError(
      `Invalid window length ${seconds}: expected a positive whole number of seconds`,
    );
  }
  for (const unit of ['w', 'd', 'h', 'm']) {
    if (seconds % UNIT_SECONDS[unit] === 0) {
      return `${seconds / UNIT_SECONDS[unit]}${unit}`;
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
