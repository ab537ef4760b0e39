import type { HealthLevel } from './types';

/**
 * The platform programme's team targets (docs/alerts.md): mean time to recover under 30 minutes, mean time
 * to detect under 5 minutes.
 * @public
 */
export const TEAM_REPORT_TARGETS = {
  mttrSeconds: 30 * 60,
  mttdSeconds: 5 * 60,
} as const;

/** Whether a mean time meets its target; `unknown` when there was nothing to average. @public */
export type TargetVerdict = 'met' | 'missed' | 'unknown';

/**
 * Error budget left for one entity in one environment. `ok` carries the remaining fraction; the other
 * states say why there is no number (never shown as a full budget).
 * @public
 */
export interface TeamReportBudgetCell {
  /** Environment name. */
  env: string;
  /**
   * `ok`: measured; `no-traffic`: no events in the SLO period; `not-collected`: the SLI's series do not
   * exist; `no-slo`: the entity has no SLI here; `not-configured`: the environment has no metrics store;
   * `error`: the metrics store failed; `pending`: not computed by the report's deadline (ask again).
   */
  state:
    | 'ok'
    | 'no-traffic'
    | 'not-collected'
    | 'no-slo'
    | 'not-configured'
    | 'error'
    | 'pending';
  /** Remaining error budget of the SLO period, as a fraction of the budget (negative when overspent). */
  remainingFraction?: number;
  /** Objective in percent, e.g. 99.9. */
  objective?: number;
  /** SLO period, e.g. `30d`. */
  window?: string;
  /** Health of the SLO as the `slo` view judges it. */
  level: HealthLevel;
  /** The level in a word, for people who do not tell colours apart. */
  word: string;
  /** Why, in words. */
  reason: string;
}

/** One owned entity's error budgets, one cell per environment. @public */
export interface TeamReportBudgetRow {
  /** Entity ref. */
  entityRef: string;
  /** Title or name. */
  title: string;
  /** `spec.type`. */
  type?: string;
  /** One cell per environment of the report, in the report's order. */
  cells: TeamReportBudgetCell[];
}

/** A mean time of one period against its target, with the previous period for the trend. @public */
export interface TeamReportMeanTime {
  /** Mean over the period in seconds; null when no incident could be counted. */
  seconds: number | null;
  /** The same mean over the previous period of the same length. */
  previousSeconds: number | null;
  /** `seconds - previousSeconds`; null when either is missing. Negative is better. */
  deltaSeconds: number | null;
  /** The platform target in seconds. */
  targetSeconds: number;
  /** `met` when the mean is below the target. */
  verdict: TargetVerdict;
  /** How many incidents the mean is over. */
  count: number;
}

/** Mean time to detect, with how many incidents could be measured. @public */
export interface TeamReportDetection extends TeamReportMeanTime {
  /** Incidents of the period whose detection time could not be measured (no SLI, query failed, no bad window). */
  notMeasurable: number;
  /** Incidents of the period left out because the report measures at most `maxMeasured` per period. */
  notMeasured: number;
  /** Most incidents measured per period (newest first). */
  maxMeasured: number;
  /** Why incidents were not measurable, with counts, most frequent first. */
  notMeasurableReasons: Array<{ reason: string; count: number }>;
}

/** Incidents of the period against the previous one. @public */
export interface TeamReportIncidentCount {
  /** Incidents (alert episodes) that started in the period. */
  current: number;
  /** Incidents that started in the previous period of the same length. */
  previous: number;
  /** `current - previous`. */
  delta: number;
  /** Incidents of the period still firing. */
  open: number;
}

/** An alert name with its episodes in the period. @public */
export interface TeamReportNoisyAlert {
  /** The alert's `alertname`. */
  alertname: string;
  /** Episodes that started in the period. */
  episodes: number;
  /** Seconds the alert fired inside the period, over all its episodes. */
  firingSeconds: number;
  /** Distinct entities it fired for. */
  entities: number;
}

/**
 * The answer of `GET /v1/team-report?owner=&days=` (docs/team-report.md).
 * @public
 */
export interface TeamReportResponse {
  /** The group asked for. */
  owner: string;
  /** The group and its sub-groups the caller can see, whose entities the report covers. */
  groups: string[];
  /** The period: the last `days` days up to now. */
  window: { from: string; to: string; days: number };
  /** The previous period of the same length, for the trend. */
  previousWindow: { from: string; to: string };
  /** Environments of the budget table, in order. */
  environments: string[];
  /** Error budget left per owned annotated entity and environment, least budget first. */
  budgets: TeamReportBudgetRow[];
  /** True when the entity list was cut at the configured maximum. */
  budgetsTruncated: boolean;
  /** Incident counts of the period and the previous one. */
  incidents: TeamReportIncidentCount;
  /** Mean time to recover of incidents that started and recovered in the period. */
  mttr: TeamReportMeanTime;
  /** Mean time to detect (docs/alerts.md) of the period's incidents that could be measured. */
  mttd: TeamReportDetection;
  /** The five alert names with most episodes in the period. */
  noisiestAlerts: TeamReportNoisyAlert[];
}
