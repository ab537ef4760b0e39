import { DEFAULT_SLO_POLICY } from './policy';
import { SloInputError } from './SloInputError';
import { formatWindow, parseWindow } from './windows';

/**
 * Longest SLO period an entity may ask for: 90 days. The SLO view computes the SLI as
 * `increase(...[period])` (or `avg_over_time` of a recorded ratio over the period) ending now, so:
 * - the metrics store must still hold the whole period, or a partial period reads like a full one;
 *   Prometheus keeps 15 days unless told otherwise, and long-term stores are sized for months, not years;
 * - a range over raw samples loads every sample in it: 90 days at a 30 s scrape interval is 259,200 samples
 *   per series, so a couple of hundred series already reach Prometheus' default per-query limit
 *   (`--query.max-samples`, 50 million).
 * A quarter is also the longest SLO period in common use.
 * @public
 */
export const MAX_SLO_PERIOD_SECONDS = 90 * 86400;

// The default policy's burn-rate alerts compare the budget spent in their long window with the period, so a
// period shorter than the longest such window makes the policy invalid and the SLO view answer 400.
const LONGEST_ALERT = DEFAULT_SLO_POLICY.alerts
  .map(alert => ({ name: alert.name, seconds: parseWindow(alert.longWindow) }))
  .reduce((a, b) => (b.seconds > a.seconds ? b : a));

/**
 * Shortest SLO period an entity may ask for: the longest long window of the default policy's burn-rate
 * alerts (6h).
 * @public
 */
export const MIN_SLO_PERIOD_SECONDS = LONGEST_ALERT.seconds;

/**
 * Parses an SLO period (`dataops.io/slo-window`, the scaffolder's `sloWindow`) into seconds: a window as
 * {@link parseWindow} reads it, between {@link MIN_SLO_PERIOD_SECONDS} and {@link MAX_SLO_PERIOD_SECONDS}.
 * Throws {@link SloInputError} naming the value and the bound.
 * @public
 */
export function parseSloPeriod(text: string): number {
  const seconds = parseWindow(text);
  if (seconds > MAX_SLO_PERIOD_SECONDS) {
    throw new SloInputError(
      `Invalid SLO period '${text}': at most ${formatWindow(
        MAX_SLO_PERIOD_SECONDS,
      )}, so the metrics store still holds the whole period and one query stays within Prometheus' sample limit`,
    );
  }
  if (seconds < MIN_SLO_PERIOD_SECONDS) {
    throw new SloInputError(
      `Invalid SLO period '${text}': at least ${formatWindow(
        MIN_SLO_PERIOD_SECONDS,
      )}, the long window of the ${LONGEST_ALERT.name} alert`,
    );
  }
  return seconds;
}
