import type { BurnRateAlert } from '../api/types';
import type { ResolvedSloPolicy } from './policy';
import { errorBudgetRatio } from './policy';
import { SloInputError } from './SloInputError';
import { parseWindow } from './windows';

/** Good and total event counts over some window. @public */
export interface EventCounts {
  /** Good events. */
  good: number;
  /** All events, good and bad. */
  total: number;
}

/**
 * Counts from two separate `increase()` queries can disagree by floating-point noise, so `good` may exceed
 * `total` by this relative margin before the counts are rejected as inconsistent.
 */
const COUNT_TOLERANCE = 1e-9;

function checkCounts(counts: EventCounts): void {
  const { good, total } = counts;
  if (
    !Number.isFinite(good) ||
    !Number.isFinite(total) ||
    good < 0 ||
    total < 0
  ) {
    throw new SloInputError(
      `Invalid event counts good=${good} total=${total}: both must be finite and not negative`,
    );
  }
  if (good > total * (1 + COUNT_TOLERANCE)) {
    throw new SloInputError(
      `Invalid event counts: good (${good}) exceeds total (${total})`,
    );
  }
}

/**
 * SLI = good / total, in 0..1. `null` when there was no traffic: no events is not 100% availability,
 * it is no information.
 * @public
 */
export function computeSli(counts: EventCounts): number | null {
  checkCounts(counts);
  if (counts.total === 0) {
    return null;
  }
  return Math.min(1, counts.good / counts.total);
}

/** Error ratio = bad / total = 1 - SLI; `null` without traffic. @public */
export function computeErrorRatio(counts: EventCounts): number | null {
  const sli = computeSli(counts);
  return sli === null
    ? null
    : (counts.total - Math.min(counts.good, counts.total)) / counts.total;
}

/** The error budget of an objective over a period, in the three units the view uses. @public */
export interface ErrorBudgetSize {
  /** Share of events (or time) allowed to be bad, e.g. 0.001. */
  ratio: number;
  /** Time-based reading: minutes of the period allowed to be bad (43.2 for 99.9% over 30 d). */
  minutes: number;
  /** Event-based reading: bad events allowed, given the period's total; `null` when no total is known. */
  events: number | null;
}

/**
 * Size of the error budget for an objective (percent) and period (`30d`), optionally for a known number
 * of events in the period.
 * @public
 */
export function computeErrorBudget(options: {
  objective: number;
  period: string;
  totalEvents?: number;
}): ErrorBudgetSize {
  const ratio = errorBudgetRatio(options.objective);
  const periodMinutes = parseWindow(options.period) / 60;
  const { totalEvents } = options;
  if (
    totalEvents !== undefined &&
    (!Number.isFinite(totalEvents) || totalEvents < 0)
  ) {
    throw new SloInputError(
      `Invalid total event count ${totalEvents}: must be finite and not negative`,
    );
  }
  return {
    ratio,
    minutes: tidy(ratio * periodMinutes),
    events: totalEvents === undefined ? null : tidy(ratio * totalEvents),
  };
}

/** How much of the error budget the period's errors used. Field names follow the wire type `ErrorBudget`. @public */
export interface BudgetConsumption {
  /** Budget as a share of the period's events/time (= error budget ratio). */
  total: number;
  /** Share of the period's events/time that was bad (= error ratio over the period). */
  consumed: number;
  /** total - consumed; negative once the budget is overspent. */
  remaining: number;
  /** consumed / total: 1 means the budget is used up. Infinity when a 100% objective met any error. */
  consumedFraction: number;
  /** 1 - consumedFraction; may go below 0. */
  remainingFraction: number;
  /** The budget in minutes of the period. */
  totalMinutes: number;
  /** Minutes of the budget used. */
  consumedMinutes: number;
  /** Minutes of the budget left; negative once overspent. */
  remainingMinutes: number;
  /** Event-based reading, present when counts were given. */
  totalEvents?: number;
  /** Bad events the budget allows over the period. */
  budgetEvents?: number;
  /** Bad events over the period. */
  consumedEvents?: number;
  /** Bad events the budget still allows; negative once overspent. */
  remainingEvents?: number;
}

/**
 * Budget consumed and remaining over the period, from the period's error ratio (or its good/total counts,
 * which also gives the event-based figures). A period without traffic has consumed nothing.
 * @public
 */
export function computeBudgetConsumption(options: {
  objective: number;
  period: string;
  errorRatio?: number | null;
  counts?: EventCounts;
}): BudgetConsumption {
  const budget = computeErrorBudget({
    objective: options.objective,
    period: options.period,
    totalEvents: options.counts?.total,
  });
  const periodMinutes = parseWindow(options.period) / 60;
  let errorRatio: number | null;
  if (options.counts) {
    errorRatio = computeErrorRatio(options.counts);
  } else {
    errorRatio = options.errorRatio ?? null;
    if (errorRatio !== null && !(errorRatio >= 0 && errorRatio <= 1)) {
      throw new SloInputError(
        `Invalid error ratio ${errorRatio}: expected a value in 0..1`,
      );
    }
  }
  const consumed = errorRatio ?? 0;
  const consumedFraction = fractionOfBudget(consumed, budget.ratio);
  const result: BudgetConsumption = {
    total: budget.ratio,
    consumed: tidy(consumed),
    remaining: tidy(budget.ratio - consumed),
    consumedFraction: tidy(consumedFraction),
    remainingFraction: tidy(1 - consumedFraction),
    totalMinutes: budget.minutes,
    consumedMinutes: tidy(consumed * periodMinutes),
    remainingMinutes: tidy(budget.minutes - consumed * periodMinutes),
  };
  if (options.counts) {
    const bad =
      options.counts.total -
      Math.min(options.counts.good, options.counts.total);
    result.totalEvents = options.counts.total;
    result.budgetEvents = budget.events ?? 0;
    result.consumedEvents = tidy(bad);
    result.remainingEvents = tidy((budget.events ?? 0) - bad);
  }
  return result;
}

function fractionOfBudget(consumed: number, budgetRatio: number): number {
  if (budgetRatio === 0) {
    // A 100% objective has no budget: any error spends "all of it", none spends nothing.
    return consumed > 0 ? Number.POSITIVE_INFINITY : 0;
  }
  return consumed / budgetRatio;
}

/** Rounds away floating-point noise (0.1 + 0.2) without touching meaningful digits. */
function tidy(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(12)) : value;
}

/**
 * Burn rate = error ratio over a window / error budget ratio. 1 spends the budget exactly over the period;
 * 36 spends 5% of a 30-day budget in one hour. `null` when the window had no traffic. With a zero budget
 * (objective 100%) any error burns infinitely fast.
 * @public
 */
export function computeBurnRate(
  errorRatio: number | null | undefined,
  budgetRatio: number,
): number | null {
  if (
    errorRatio === null ||
    errorRatio === undefined ||
    Number.isNaN(errorRatio)
  ) {
    return null;
  }
  if (errorRatio < 0 || errorRatio > 1) {
    throw new SloInputError(
      `Invalid error ratio ${errorRatio}: expected a value in 0..1`,
    );
  }
  if (!(budgetRatio >= 0 && budgetRatio < 1)) {
    throw new SloInputError(
      `Invalid error budget ratio ${budgetRatio}: expected a value in [0, 1)`,
    );
  }
  return tidy(fractionOfBudget(errorRatio, budgetRatio));
}

/**
 * Share of the period's budget a burn rate spends within a window: rate x window / period
 * (36 x 1 h / 720 h = 0.05). The inverse of the policy's threshold formula.
 * @public
 */
export function budgetSpentInWindow(
  burnRate: number,
  window: string,
  period: string,
): number {
  return tidy((burnRate * parseWindow(window)) / parseWindow(period));
}

/**
 * Hours until the remaining budget is gone at a constant burn rate:
 * remainingFraction x period / burnRate. `null` when nothing is burning (rate 0 or unknown);
 * 0 when the budget is already spent.
 * @public
 */
export function hoursUntilExhaustion(options: {
  remainingFraction: number;
  burnRate: number | null;
  period: string;
}): number | null {
  const { remainingFraction, burnRate } = options;
  if (burnRate === null || !(burnRate > 0)) {
    return null;
  }
  if (remainingFraction <= 0) {
    return 0;
  }
  const periodHours = parseWindow(options.period) / 3600;
  return tidy((remainingFraction * periodHours) / burnRate);
}

/**
 * Multiwindow, multi-burn-rate evaluation: an alert fires only when the burn rate over its long window
 * AND over its short window both exceed the threshold. The long window keeps a brief blip from paging;
 * the short one lets the alert stop soon after the burning stops. A window without data never fires.
 * `burnRates` maps window text (`1h`, `5m`) to the burn rate over that window.
 * @public
 */
export function evaluateBurnRateAlerts(
  policy: ResolvedSloPolicy,
  burnRates: Record<string, number | null | undefined>,
): BurnRateAlert[] {
  return policy.alerts.map(alert => {
    const longRate = burnRates[alert.longWindow] ?? null;
    const shortRate = burnRates[alert.shortWindow] ?? null;
    const firing =
      longRate !== null &&
      shortRate !== null &&
      longRate > alert.threshold &&
      shortRate > alert.threshold;
    return {
      name: alert.name,
      priority: alert.priority,
      severity: alert.severity,
      longWindow: alert.longWindow,
      shortWindow: alert.shortWindow,
      threshold: alert.threshold,
      longRate,
      shortRate,
      firing,
    };
  });
}
