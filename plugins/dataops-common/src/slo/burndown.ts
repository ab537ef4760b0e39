import { SloInputError } from './SloInputError';
import { parseWindow } from './windows';

/**
 * The ideal burndown line for the chart: remaining budget falling evenly from 1 at the start of the
 * period to 0 at its end, one point per `step` (default one day), as `[unixSeconds, remainingFraction]`.
 * Spending faster than this line means the budget runs out before the period does.
 * @public
 */
export function idealBurndown(options: {
  period: string;
  /** End of the period, unix seconds (normally "now"). */
  end: number;
  step?: string;
}): Array<[number, number]> {
  const periodSeconds = parseWindow(options.period);
  const stepSeconds = parseWindow(options.step ?? '1d');
  if (stepSeconds > periodSeconds) {
    throw new SloInputError(
      `Burndown step ${options.step} is longer than the period ${options.period}`,
    );
  }
  const start = options.end - periodSeconds;
  const points: Array<[number, number]> = [];
  for (let t = start; t < options.end; t += stepSeconds) {
    points.push([t, 1 - (t - start) / periodSeconds]);
  }
  points.push([options.end, 0]);
  return points;
}

/** Events of one burndown bucket (e.g. one day), stamped with the bucket's end. @public */
export interface BurndownBucket {
  /** End of the bucket, unix seconds. */
  time: number;
  /** Good events in the bucket. */
  good: number;
  /** All events in the bucket. */
  total: number;
}

/**
 * Actual burndown: remaining budget fraction after each bucket, where the budget is the period's total
 * events x the budget ratio (the event-based reading). The last point equals the view's
 * `remainingFraction`. With a zero budget (objective 100%) the first bad event takes it to 0.
 * @public
 */
export function actualBurndown(
  buckets: BurndownBucket[],
  budgetRatio: number,
): Array<[number, number]> {
  const sorted = [...buckets].sort((a, b) => a.time - b.time);
  for (const b of sorted) {
    if (!(b.total >= 0 && b.good >= 0) || b.good > b.total * (1 + 1e-9)) {
      throw new SloInputError(
        `Invalid burndown bucket at ${b.time}: good=${b.good} total=${b.total}`,
      );
    }
  }
  const periodTotal = sorted.reduce((sum, b) => sum + b.total, 0);
  const budgetEvents = budgetRatio * periodTotal;
  let bad = 0;
  return sorted.map(b => {
    bad += Math.max(0, b.total - b.good);
    if (budgetEvents === 0) {
      return [b.time, bad > 0 ? 0 : 1];
    }
    return [b.time, Number((1 - bad / budgetEvents).toPrecision(12))];
  });
}
