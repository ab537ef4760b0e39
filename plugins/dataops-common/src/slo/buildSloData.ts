import type { HealthLevel, SloData } from '../api/types';
import { actualBurndown, BurndownBucket } from './burndown';
import {
  computeBudgetConsumption,
  computeBurnRate,
  computeSli,
  evaluateBurnRateAlerts,
  EventCounts,
  hoursUntilExhaustion,
} from './math';
import type { ResolvedSloPolicy } from './policy';
import { parseWindow } from './windows';

/** What the backend measured for one environment, ready to be turned into the `slo` view. @public */
export interface SloMeasurements {
  /** The policy the numbers are judged against. */
  policy: ResolvedSloPolicy;
  /** Name of the SLI, shown to the user. */
  sliName: string;
  /** The PromQL run for the period's SLI, shown to the user. */
  sliQuery?: string;
  /** Good and total events over the period; `null` when the counters returned nothing. */
  periodCounts: EventCounts | null;
  /** Error ratio per window text (`5m`, `1h`, ...); `null`/absent for no traffic or no data. */
  errorRatios: Record<string, number | null | undefined>;
  /** Per-day good/total increments over the period, for the burndown series. */
  burndownBuckets?: BurndownBucket[];
}

/** Remaining budget share under which the SLO shows as `warning` without any alert firing. @public */
export const SLO_WARNING_REMAINING_FRACTION = 0.25;

function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

/**
 * Turns measurements into the `slo` view's data (docs/api.md, "Entity views"), plus warnings for the
 * environment entry. Pure: the backend runs the queries, this does all the arithmetic.
 * @public
 */
export function buildSloData(input: SloMeasurements): {
  data: SloData;
  warnings: string[];
} {
  const { policy } = input;
  const warnings: string[] = [];
  const sli = input.periodCounts ? computeSli(input.periodCounts) : null;
  const consumption = computeBudgetConsumption({
    objective: policy.objective,
    period: policy.period,
    counts: input.periodCounts ?? undefined,
  });
  const zeroBudget = policy.budgetRatio === 0;
  if (zeroBudget) {
    warnings.push(
      'An objective of 100% leaves no error budget: any failure exhausts it and burn rates are unbounded.',
    );
  }
  const consumedFraction = Number.isFinite(consumption.consumedFraction)
    ? consumption.consumedFraction
    : 1;

  const rates: Record<string, number | null> = {};
  for (const [window, ratio] of Object.entries(input.errorRatios)) {
    rates[window] = computeBurnRate(ratio ?? null, policy.budgetRatio);
  }
  const burnRates = policy.reportedWindows.map(window => ({
    window,
    windowSeconds: parseWindow(window),
    rate: finiteOrNull(rates[window] ?? null),
  }));
  const alerts = evaluateBurnRateAlerts(policy, rates).map(a => ({
    ...a,
    longRate: finiteOrNull(a.longRate),
    shortRate: finiteOrNull(a.shortRate),
  }));
  const remainingFraction = 1 - consumedFraction;
  const exhaustionHours = hoursUntilExhaustion({
    remainingFraction,
    burnRate: rates[policy.exhaustionWindow] ?? null,
    period: policy.period,
  });

  let level: HealthLevel = 'healthy';
  if (sli === null) {
    level = 'unknown';
    warnings.push(
      `No events in the last ${policy.period}: the SLI is unknown.`,
    );
  } else if (
    remainingFraction <= 0 ||
    alerts.some(a => a.firing && a.priority === 'P1')
  ) {
    level = 'critical';
  } else if (
    alerts.some(a => a.firing) ||
    remainingFraction < SLO_WARNING_REMAINING_FRACTION
  ) {
    level = 'warning';
  }

  return {
    data: {
      objective: policy.objective,
      window: policy.period,
      sliName: input.sliName,
      sliQuery: input.sliQuery,
      sli,
      errorBudget: {
        total: consumption.total,
        consumed: consumption.consumed,
        remaining: consumption.remaining,
        consumedFraction,
        remainingFraction: Number(remainingFraction.toPrecision(12)),
        totalMinutes: consumption.totalMinutes,
        consumedMinutes: consumption.consumedMinutes,
        remainingMinutes: consumption.remainingMinutes,
        exhaustionHours:
          exhaustionHours === null ? null : finiteOrNull(exhaustionHours),
      },
      burnRates,
      alerts,
      burndown: input.burndownBuckets
        ? actualBurndown(input.burndownBuckets, policy.budgetRatio)
        : [],
      level,
    },
    warnings,
  };
}
