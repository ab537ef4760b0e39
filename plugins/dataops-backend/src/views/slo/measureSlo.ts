import {
  BurndownBucket,
  EventCounts,
  ResolvedSloPolicy,
  SliTemplate,
  SloData,
  SloSeriesLabels,
  buildErrorRatioQuery,
  buildGoodEventsQuery,
  buildRecordedErrorRatioQuery,
  buildRecordedSliQuery,
  buildSliQuery,
  buildTotalEventsQuery,
  formatWindow,
  policyWindows,
} from '@dataops-observability/plugin-dataops-common';
import type { PrometheusClient } from '../../sources';

/** How one environment's SLO queries run. */
export interface SloQueryContext {
  client: PrometheusClient;
  /** End of the period, unix seconds. */
  time: number;
  signal: AbortSignal;
  addWarning(warning: string): void;
  /** Injects the entity's matchers and identity into a raw-counter query template. */
  render(template: string): string;
  /** Labels of the generated recording rules' series; set to read those instead of raw counters. */
  recorded?: SloSeriesLabels;
}

/** What the queries found, ready for `buildSloData`. */
export interface SloMeasured {
  sliQuery: string;
  periodCounts: EventCounts | null;
  errorRatios: Record<string, number | null>;
  burndownBuckets: BurndownBucket[];
  state: NonNullable<SloData['state']>;
  stateReason?: string;
}

const DAY = 86400;
/**
 * Recorded ratios are read per day as the mean of the shortest recorded window, the same base
 * `buildRecordedSliQuery` averages over the period.
 */
const RECORDED_BASE_WINDOW = '5m';

function metricNames(selectors: string[]): string {
  const names = selectors.map(s => /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(s)?.[0]);
  return [...new Set(names.filter(Boolean))].join(', ');
}

/** `undefined`: no series at all; `null`: a series whose value is NaN (no traffic). */
type Scalar = number | null | undefined;

async function instant(ctx: SloQueryContext, query: string): Promise<Scalar> {
  const result = await ctx.client.query(query, ctx.time, ctx.signal);
  result.warnings.forEach(w => ctx.addWarning(w));
  if (result.data.length === 0) {
    return undefined;
  }
  return result.data[0].points[0]?.[1] ?? null;
}

/** One value per step, keyed by timestamp; the queries all aggregate to a single series. */
async function range(
  ctx: SloQueryContext,
  query: string,
  from: number,
  step: number,
): Promise<Map<number, number | null>> {
  const result = await ctx.client.queryRange(
    query,
    { from, to: ctx.time, step },
    ctx.signal,
  );
  result.warnings.forEach(w => ctx.addWarning(w));
  return new Map(result.data[0]?.points ?? []);
}

/** Floating-point noise can put `1 - good/total` a hair outside 0..1; the math rejects that. */
function clampRatio(value: Scalar): number | null {
  if (value === undefined || value === null) {
    return null;
  }
  return Math.min(1, Math.max(0, value));
}

/**
 * Burndown buckets are one day wide, so a 30-day period costs 30 points per series: Prometheus reads each
 * raw sample once, not once per fine-grained step. Periods shorter than two days get two buckets.
 */
export function burndownStepSeconds(periodSeconds: number): number {
  return periodSeconds >= 2 * DAY
    ? DAY
    : Math.max(60, Math.floor(periodSeconds / 2));
}

function stepWindow(seconds: number): string {
  return formatWindow(Math.round(seconds));
}

async function measureFromCounters(
  ctx: SloQueryContext,
  template: SliTemplate,
  policy: ResolvedSloPolicy,
): Promise<SloMeasured> {
  const period = policy.period;
  const step = burndownStepSeconds(policy.periodSeconds);
  const from = ctx.time - policy.periodSeconds + step;
  const windows = policyWindows(policy);
  const [good, total, ratios, goodDaily, totalDaily] = await Promise.all([
    instant(ctx, ctx.render(buildGoodEventsQuery(template, period))),
    instant(ctx, ctx.render(buildTotalEventsQuery(template, period))),
    Promise.all(
      windows.map(w =>
        instant(ctx, ctx.render(buildErrorRatioQuery(template, w))),
      ),
    ),
    range(
      ctx,
      ctx.render(buildGoodEventsQuery(template, stepWindow(step))),
      from,
      step,
    ),
    range(
      ctx,
      ctx.render(buildTotalEventsQuery(template, stepWindow(step))),
      from,
      step,
    ),
  ]);
  const sliQuery = ctx.render(buildSliQuery(template, period));
  const errorRatios = Object.fromEntries(
    windows.map((w, i) => [w, clampRatio(ratios[i])]),
  );
  const burndownBuckets = [...totalDaily.entries()].map(([time, t]) => {
    const bucketTotal = t ?? 0;
    return {
      time,
      total: bucketTotal,
      good: Math.min(goodDaily.get(time) ?? 0, bucketTotal),
    };
  });
  if (total === undefined) {
    return {
      sliQuery,
      periodCounts: null,
      errorRatios,
      burndownBuckets: [],
      state: 'not-collected',
      stateReason: `Not collected: ${metricNames(
        template.totalEvents,
      )} has no series for this entity in this environment.`,
    };
  }
  const totalCount = total ?? 0;
  if (!(totalCount > 0)) {
    return {
      sliQuery,
      periodCounts: { good: 0, total: 0 },
      errorRatios,
      burndownBuckets,
      state: 'no-traffic',
      stateReason: `No events in the last ${period}: no SLI without traffic.`,
    };
  }
  return {
    sliQuery,
    periodCounts: {
      good: Math.min(Math.max(0, good ?? 0), totalCount),
      total: totalCount,
    },
    errorRatios,
    burndownBuckets,
    state: 'ok',
  };
}

/**
 * From the generated recording rules: the period SLI is the time-weighted mean of the shortest recorded
 * ratio, so counts are expressed as shares of one unit of time (good = SLI, total = 1), which is what the
 * budget fractions need. Daily burndown buckets are weighted the same way.
 */
async function measureFromRecordingRules(
  ctx: SloQueryContext,
  policy: ResolvedSloPolicy,
  labels: SloSeriesLabels,
): Promise<SloMeasured> {
  const step = burndownStepSeconds(policy.periodSeconds);
  const from = ctx.time - policy.periodSeconds + step;
  const windows = policyWindows(policy);
  const sliQuery = buildRecordedSliQuery(
    policy.period,
    labels,
    RECORDED_BASE_WINDOW,
  );
  const dailyQuery = `avg_over_time(${buildRecordedErrorRatioQuery(
    RECORDED_BASE_WINDOW,
    labels,
  )}[${stepWindow(step)}])`;
  const [sli, ratios, daily] = await Promise.all([
    instant(ctx, sliQuery),
    Promise.all(
      windows.map(w => instant(ctx, buildRecordedErrorRatioQuery(w, labels))),
    ),
    range(ctx, dailyQuery, from, step),
  ]);
  const errorRatios = Object.fromEntries(
    windows.map((w, i) => [w, clampRatio(ratios[i])]),
  );
  if (sli === undefined) {
    return {
      sliQuery,
      periodCounts: null,
      errorRatios,
      burndownBuckets: [],
      state: 'not-collected',
      stateReason: `No recorded series ${buildRecordedErrorRatioQuery(
        RECORDED_BASE_WINDOW,
        labels,
      )}: are the generated SLO rules deployed in this environment?`,
    };
  }
  const burndownBuckets = [...daily.entries()].map(([time, ratio]) =>
    ratio === null
      ? { time, good: 0, total: 0 }
      : { time, good: 1 - clampRatio(ratio)!, total: 1 },
  );
  if (sli === null) {
    return {
      sliQuery,
      periodCounts: { good: 0, total: 0 },
      errorRatios,
      burndownBuckets,
      state: 'no-traffic',
      stateReason: `No events in the last ${policy.period}: no SLI without traffic.`,
    };
  }
  return {
    sliQuery,
    periodCounts: { good: 1 - clampRatio(1 - sli)!, total: 1 },
    errorRatios,
    burndownBuckets,
    state: 'ok',
  };
}

/** Runs the period SLI, the error ratio of every policy window and the daily burndown, in parallel. */
export function measureSlo(
  ctx: SloQueryContext,
  template: SliTemplate,
  policy: ResolvedSloPolicy,
): Promise<SloMeasured> {
  return ctx.recorded
    ? measureFromRecordingRules(ctx, policy, ctx.recorded)
    : measureFromCounters(ctx, template, policy);
}
