import type { Priority } from '../api/types';
import { isPriority, PRIORITIES } from '../levels';
import { SloInputError } from './SloInputError';
import { formatWindow, parseWindow, SLO_REPORTED_WINDOWS } from './windows';

/**
 * One multiwindow burn-rate alert of a policy. The threshold is not configured directly but derived from
 * "this share of the period's budget spent within the long window", as docs/platform-rules.md states the policy:
 * threshold = budgetConsumed x period / longWindow (0.05 x 720 h / 1 h = 36).
 * @public
 */
export interface BurnRateAlertPolicy {
  /** Alert name in Prometheus (`alertname`), e.g. `SloErrorBudgetFastBurn`. */
  name: string;
  /** Share of the whole period's error budget (0..1) that, spent within `longWindow`, raises the alert. */
  budgetConsumed: number;
  /** The long window, e.g. `1h`. */
  longWindow: string;
  /** Defaults to the long window divided by the policy's `shortWindowDivisor`. */
  shortWindow?: string;
  /** Priority the alert is routed with. */
  priority: Priority;
  /** Value of the alert's `severity` label. */
  severity: string;
  /** Prometheus `for` duration; `0s` fires on the first evaluation where both windows burn. */
  for?: string;
}

/** SLO policy: objective, period and burn-rate alerts. Every field defaults to docs/platform-rules.md. @public */
export interface SloPolicy {
  /** Objective in percent, above 0 and at most 100. */
  objective: number;
  /** SLO period, e.g. `30d`. */
  period: string;
  /** The multiwindow burn-rate alerts. */
  alerts: BurnRateAlertPolicy[];
  /** Short window = long window / this (12 gives 5m for 1h and 30m for 6h). */
  shortWindowDivisor: number;
  /** Windows whose burn rate the view reports and the generator records. */
  reportedWindows: string[];
  /** Window whose burn rate is "the current rate" for the time-until-exhaustion estimate. */
  exhaustionWindow: string;
}

/** A policy as a caller may give it: any field may be left out to take the default. @public */
export type SloPolicyInput = Partial<SloPolicy>;

/** A burn-rate alert with its windows and threshold worked out. @public */
export interface ResolvedBurnRateAlert {
  /** Alert name in Prometheus. */
  name: string;
  /** Priority the alert is routed with. */
  priority: Priority;
  /** Value of the alert's `severity` label. */
  severity: string;
  /** The long window, e.g. `1h`. */
  longWindow: string;
  /** The long window in seconds. */
  longWindowSeconds: number;
  /** The short window, e.g. `5m`. */
  shortWindow: string;
  /** The short window in seconds. */
  shortWindowSeconds: number;
  /** Share of the period's error budget that, spent within the long window, raises the alert. */
  budgetConsumed: number;
  /** Burn rate both windows must exceed. */
  threshold: number;
  /** Prometheus `for` duration. */
  for: string;
}

/** A validated policy with derived values. @public */
export interface ResolvedSloPolicy {
  /** Objective in percent. */
  objective: number;
  /** SLO period, e.g. `30d`. */
  period: string;
  /** The period in seconds. */
  periodSeconds: number;
  /** Error budget as a ratio of events/time, e.g. 0.001 for 99.9%. */
  budgetRatio: number;
  /** The burn-rate alerts with their thresholds. */
  alerts: ResolvedBurnRateAlert[];
  /** Short window = long window / this. */
  shortWindowDivisor: number;
  /** Windows whose burn rate the view reports and the generator records. */
  reportedWindows: string[];
  /** Window whose burn rate estimates the time until the budget runs out. */
  exhaustionWindow: string;
}

/**
 * docs/platform-rules.md, "SLO policy": 99.9% over 30 days; fast burn = 5% of the budget in 1 h is P1,
 * slow burn = 10% in 6 h is P2; short windows 1/12 of the long ones.
 * @public
 */
export const DEFAULT_SLO_POLICY: SloPolicy = {
  objective: 99.9,
  period: '30d',
  alerts: [
    {
      name: 'SloErrorBudgetFastBurn',
      budgetConsumed: 0.05,
      longWindow: '1h',
      priority: 'P1',
      severity: 'critical',
      for: '2m',
    },
    {
      name: 'SloErrorBudgetSlowBurn',
      budgetConsumed: 0.1,
      longWindow: '6h',
      priority: 'P2',
      severity: 'warning',
      for: '15m',
    },
  ],
  shortWindowDivisor: 12,
  reportedWindows: [...SLO_REPORTED_WINDOWS],
  exhaustionWindow: '1h',
};

const ALERT_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * Drops the binary noise of decimal percentages (100 - 99.9 is not exactly 0.1 in floating point), so
 * 99.9% gives a budget ratio of exactly 0.001 and 43.2 budget minutes rather than 43.19999.
 */
function clean(value: number): number {
  return Number(value.toPrecision(12));
}

/**
 * Error budget ratio of an objective in percent: 99.9 gives 0.001. Rejects objectives outside (0, 100].
 * @public
 */
export function errorBudgetRatio(objectivePercent: number): number {
  if (
    typeof objectivePercent !== 'number' ||
    !Number.isFinite(objectivePercent) ||
    objectivePercent <= 0 ||
    objectivePercent > 100
  ) {
    throw new SloInputError(
      `Invalid SLO objective '${objectivePercent}': expected a percentage greater than 0 and at most 100`,
    );
  }
  return clean((100 - objectivePercent) / 100);
}

/**
 * Parses the `dataops.io/slo-objective` annotation (`99.9`, `99.5%`) into a percentage.
 * @public
 */
export function parseObjective(text: string): number {
  const trimmed = String(text).trim().replace(/%$/, '');
  if (!/^[0-9]+(\.[0-9]+)?$/.test(trimmed)) {
    throw new SloInputError(
      `Invalid SLO objective '${text}': expected a percentage such as 99.9`,
    );
  }
  const value = Number(trimmed);
  errorBudgetRatio(value);
  return value;
}

/**
 * Burn rate at which `budgetConsumed` of the period's budget is spent within `windowSeconds`.
 * @public
 */
export function burnRateThreshold(
  budgetConsumed: number,
  periodSeconds: number,
  windowSeconds: number,
): number {
  return clean((budgetConsumed * periodSeconds) / windowSeconds);
}

/**
 * Merges a policy input over {@link DEFAULT_SLO_POLICY}, validates it and derives windows and thresholds.
 * Throws {@link SloInputError} naming the first bad field.
 * @public
 */
export function resolveSloPolicy(
  input: SloPolicyInput = {},
): ResolvedSloPolicy {
  const policy: SloPolicy = { ...DEFAULT_SLO_POLICY, ...input };
  const budgetRatio = errorBudgetRatio(policy.objective);
  const periodSeconds = parseWindow(policy.period);
  if (
    !Number.isInteger(policy.shortWindowDivisor) ||
    policy.shortWindowDivisor < 1
  ) {
    throw new SloInputError(
      `Invalid SLO policy: shortWindowDivisor must be a positive integer, got ${policy.shortWindowDivisor}`,
    );
  }
  if (!Array.isArray(policy.reportedWindows)) {
    throw new SloInputError(
      'Invalid SLO policy: reportedWindows must be a list',
    );
  }
  const reportedWindows = policy.reportedWindows.map(w =>
    formatWindow(parseWindow(w)),
  );
  const exhaustionWindow = formatWindow(parseWindow(policy.exhaustionWindow));
  const names = new Set<string>();
  const alerts = policy.alerts.map((alert): ResolvedBurnRateAlert => {
    const where = `Invalid SLO policy alert '${alert.name}'`;
    if (!ALERT_NAME.test(alert.name ?? '')) {
      throw new SloInputError(
        `${where}: the name must be a Prometheus alert name`,
      );
    }
    if (names.has(alert.name)) {
      throw new SloInputError(`${where}: the name is used twice`);
    }
    names.add(alert.name);
    if (
      typeof alert.budgetConsumed !== 'number' ||
      !(alert.budgetConsumed > 0 && alert.budgetConsumed <= 1)
    ) {
      throw new SloInputError(
        `${where}: budgetConsumed must be a fraction in (0, 1], got ${alert.budgetConsumed}`,
      );
    }
    if (!isPriority(alert.priority)) {
      throw new SloInputError(
        `${where}: priority must be one of ${PRIORITIES.join(', ')}`,
      );
    }
    if (!alert.severity || !/^[a-z]+$/.test(alert.severity)) {
      throw new SloInputError(`${where}: severity must be a lowercase word`);
    }
    const longWindowSeconds = parseWindow(alert.longWindow);
    if (longWindowSeconds > periodSeconds) {
      throw new SloInputError(
        `${where}: the long window ${alert.longWindow} exceeds the period ${policy.period}`,
      );
    }
    let shortWindowSeconds: number;
    if (alert.shortWindow) {
      shortWindowSeconds = parseWindow(alert.shortWindow);
    } else {
      shortWindowSeconds = longWindowSeconds / policy.shortWindowDivisor;
      if (!Number.isInteger(shortWindowSeconds)) {
        throw new SloInputError(
          `${where}: ${alert.longWindow} / ${policy.shortWindowDivisor} is not a whole number of seconds; set shortWindow`,
        );
      }
    }
    if (shortWindowSeconds >= longWindowSeconds) {
      throw new SloInputError(
        `${where}: the short window must be shorter than the long window`,
      );
    }
    const forText = alert.for ?? '0s';
    if (forText !== '0s') {
      parseWindow(forText);
    }
    return {
      name: alert.name,
      priority: alert.priority,
      severity: alert.severity,
      longWindow: formatWindow(longWindowSeconds),
      longWindowSeconds,
      shortWindow: formatWindow(shortWindowSeconds),
      shortWindowSeconds,
      budgetConsumed: alert.budgetConsumed,
      threshold: burnRateThreshold(
        alert.budgetConsumed,
        periodSeconds,
        longWindowSeconds,
      ),
      for: forText,
    };
  });
  return {
    objective: policy.objective,
    period: formatWindow(periodSeconds),
    periodSeconds,
    budgetRatio,
    alerts,
    shortWindowDivisor: policy.shortWindowDivisor,
    reportedWindows,
    exhaustionWindow,
  };
}

/**
 * Every window a policy needs data for: the reported ones plus each alert's long and short window,
 * shortest first, without duplicates.
 * @public
 */
export function policyWindows(policy: ResolvedSloPolicy): string[] {
  const all = new Set<string>(policy.reportedWindows);
  for (const alert of policy.alerts) {
    all.add(alert.longWindow);
    all.add(alert.shortWindow);
  }
  all.add(policy.exhaustionWindow);
  return [...all].sort((a, b) => parseWindow(a) - parseWindow(b));
}
