/**
 * Wire format of the DataOps observability backend (`/api/dataops`), shared by the backend that produces it,
 * the frontend that renders it and the tests that check both. CONTRACT.md section 4 fixes the field names;
 * extend, never rename.
 */

/** Names of the per-entity views served at `GET /v1/entity/:namespace/:kind/:name/<view>`. @public */
export const ENTITY_VIEWS = [
  'summary',
  'metrics',
  'logs',
  'deployments',
  'slo',
  'storage',
  'alerts',
] as const;

/** Name of an entity view, the last path segment of the entity routes. @public */
export type EntityView = (typeof ENTITY_VIEWS)[number];

/** Upstream systems an environment can have. @public */
export type SourceName =
  | 'thanos'
  | 'opensearch'
  | 'argocd'
  | 'alertmanager'
  | 'iceberg'
  | (string & {});

/** Why one environment (or one source of it) could not answer. @public */
export type UpstreamErrorType =
  | 'UPSTREAM_TIMEOUT'
  | 'UPSTREAM_ERROR'
  | 'BAD_RESPONSE'
  | 'NOT_CONFIGURED'
  | 'BAD_ANNOTATION';

/** Why one environment could not answer: the failing upstream and what it said. @public */
export interface UpstreamError {
  type: UpstreamErrorType;
  source: SourceName;
  message: string;
  /** HTTP status the upstream answered with, when it answered at all. */
  statusCode?: number;
}

/** One environment's entry in every entity view. @public */
export type EnvironmentResult<T> =
  | { env: string; status: 'ok'; data: T; warnings?: string[] }
  | { env: string; status: 'error'; error: UpstreamError }
  | { env: string; status: 'not-configured'; source: SourceName };

/** Envelope of every entity view. @public */
export interface EntityViewResponse<T> {
  entityRef: string;
  /** The time range the backend actually used, after parsing and bounding. */
  range?: { from: string; to: string; step: number };
  environments: EnvironmentResult<T>[];
}

/** Health levels, worst last. @public */
export type HealthLevel = 'healthy' | 'warning' | 'critical' | 'unknown';

/** Observability areas shown in the overview matrix. @public */
export const AREAS = [
  'metrics',
  'logs',
  'deployments',
  'slo',
  'storage',
  'alerts',
] as const;

/** One observability area of the overview matrix. @public */
export type Area = (typeof AREAS)[number];

/** Health of one area in one environment, with the reason shown next to it. @public */
export interface AreaStatus {
  level: HealthLevel;
  reason: string;
}

/** `summary` view: one status per area. @public */
export interface SummaryData {
  areas: Record<Area, AreaStatus>;
}

// ---------------------------------------------------------------- metrics

/** Distinguishes "zero" from "no samples", "never collected" and "query failed" (DOMAIN.md lessons). @public */
export type PanelState = 'ok' | 'empty' | 'not-collected' | 'error';

/** Which side of a threshold is bad; see {@link Thresholds}. @public */
export type ThresholdDirection = 'above' | 'below';

/**
 * Thresholds of a panel or check. `direction: 'above'` means values above the threshold are bad
 * (CPU > 85%); `'below'` means values below are bad (success rate < 95%).
 * @public
 */
export interface Thresholds {
  direction: ThresholdDirection;
  warning?: number;
  critical?: number;
}

/** One time series of a panel: its labels and its points. @public */
export interface Series {
  labels: Record<string, string>;
  /** `[unixSeconds, value]`; value may be NaN encoded as null. */
  points: Array<[number, number | null]>;
}

/** One panel of the `metrics` view: the query run, its series and the evaluated level. @public */
export interface MetricPanel {
  id: string;
  title: string;
  description?: string;
  unit: string;
  /** The PromQL actually run, after the entity's matchers were injected. */
  query: string;
  /** True when this panel ran its configured fallback query (shown to the user as such). */
  fallback?: boolean;
  state: PanelState;
  /** Human explanation of a non-ok state, e.g. which metric was not collected. */
  stateReason?: string;
  series: Series[];
  thresholds?: Thresholds;
  /** Level of the latest value against the thresholds; `unknown` when there is no value. */
  level: HealthLevel;
  /** Latest value used for `level` (worst series). */
  lastValue?: number | null;
}

/** `metrics` view data. @public */
export interface MetricsData {
  panels: MetricPanel[];
}

// ---------------------------------------------------------------- logs

/** Log level of a hit, normalised from whatever the log source calls it. @public */
export type LogLevel =
  | 'error'
  | 'warn'
  | 'info'
  | 'debug'
  | 'trace'
  | 'unknown';

/** One log line of the `logs` view, with sensitive fields masked. @public */
export interface LogHit {
  /** Stable id of the document (index and _id), used for "copy link to line". */
  id: string;
  timestamp: string;
  level: LogLevel;
  message: string;
  fields: Record<string, unknown>;
  /** Dotted paths of fields whose values were masked before leaving the backend. */
  maskedFields?: string[];
}

/** Log line counts per level in one time bucket of the `logs` view. @public */
export interface LogHistogramBucket {
  /** Bucket start, unix milliseconds. */
  timestamp: number;
  counts: Partial<Record<LogLevel, number>>;
}

/** `logs` view data. @public */
export interface LogsData {
  hits: LogHit[];
  total: number;
  /** Opaque cursor for the next page (search_after), absent on the last page. */
  nextCursor?: string;
  histogram: LogHistogramBucket[];
  /** Histogram bucket width in milliseconds. */
  histogramInterval?: number;
  index: string;
}

// ---------------------------------------------------------------- deployments

/** One past sync of an Argo CD application. @public */
export interface DeploymentHistoryEntry {
  id: number | string;
  revision: string;
  deployedAt: string;
  deployStartedAt?: string;
  initiatedBy?: string;
}

/** One Argo CD application of the `deployments` view on one instance. @public */
export interface ArgoApplicationStatus {
  instance: string;
  name: string;
  namespace?: string;
  project?: string;
  syncStatus: string;
  healthStatus: string;
  healthMessage?: string;
  revision?: string;
  repoUrl?: string;
  lastSyncedAt?: string;
  /** When the application last left Synced; present only while OutOfSync. */
  outOfSyncSince?: string;
  /** Level after DOMAIN.md layer 1: OutOfSync longer than 5 minutes is critical. */
  level: HealthLevel;
  operation?: {
    phase: string;
    message?: string;
    startedAt?: string;
    finishedAt?: string;
  };
  history: DeploymentHistoryEntry[];
}

/** `deployments` view data. @public */
export interface DeploymentsData {
  applications: ArgoApplicationStatus[];
  /** Per-instance failures when an environment has several Argo CD instances and only some answer. */
  instanceErrors?: Array<{ instance: string; error: UpstreamError }>;
}

// ---------------------------------------------------------------- slo

/** Error budget burn rate over one window of the `slo` view. @public */
export interface BurnRate {
  window: string;
  windowSeconds: number;
  /** Error ratio over the window divided by the error budget ratio. */
  rate: number | null;
}

/** A multiwindow burn-rate alert of the SLO policy and whether its windows are over the threshold. @public */
export interface BurnRateAlert {
  name: string;
  priority: Priority;
  severity: string;
  longWindow: string;
  shortWindow: string;
  threshold: number;
  longRate: number | null;
  shortRate: number | null;
  firing: boolean;
}

/** Error budget of the SLO period: size, consumption and what is left. @public */
export interface ErrorBudget {
  /** Fractions of the period's requests/time. */
  total: number;
  consumed: number;
  remaining: number;
  /** Fractions of the budget itself (0..1, remaining may go below 0). */
  consumedFraction: number;
  remainingFraction: number;
  totalMinutes: number;
  consumedMinutes: number;
  remainingMinutes: number;
  /** Hours until exhaustion at the current (1h) burn rate; null when not burning. */
  exhaustionHours?: number | null;
}

/** `slo` view data. @public */
export interface SloData {
  objective: number;
  window: string;
  sliName: string;
  sliQuery?: string;
  /** Availability over the period, 0..1, null with no traffic. */
  sli: number | null;
  errorBudget: ErrorBudget;
  burnRates: BurnRate[];
  alerts: BurnRateAlert[];
  /** Remaining budget fraction per day of the period. */
  burndown: Array<[number, number | null]>;
  level: HealthLevel;
  /**
   * `no-traffic`: the period had no events, so there is no SLI (never shown as 100%); `not-collected`: the
   * SLI's counters (or recording rules) have no series at all in this environment.
   */
  state?: 'ok' | 'no-traffic' | 'not-collected';
  /** Why the state is not `ok`, in words. */
  stateReason?: string;
  /** Whether the ratios were read from raw counters or from the generated recording rules. */
  source?: 'counters' | 'recording-rules';
  /** End of the period the numbers are for, unix seconds. */
  evaluatedAt?: number;
}

// ---------------------------------------------------------------- storage

/** One check of the `storage` view on one storage object. @public */
export interface StorageCheck {
  id: string;
  title: string;
  /** The storage object checked, e.g. `s3:sales-lake` or `iceberg:sales.daily_orders`. */
  target: string;
  value: number | string | null;
  unit: string;
  threshold?: Thresholds;
  level: HealthLevel;
  state: PanelState;
  stateReason?: string;
  /** Where the value came from: `prometheus` or `iceberg-rest`. */
  source?: string;
  query?: string;
  /** Short history for the sparkline. */
  sparkline?: Array<[number, number | null]>;
  /** What to do next when the check is not healthy. */
  advice?: string;
}

/** `storage` view data. @public */
export interface StorageData {
  checks: StorageCheck[];
}

// ---------------------------------------------------------------- alerts

/** Alert priority, P1 the most urgent. @public */
export type Priority = 'P1' | 'P2' | 'P3' | 'P4';

/** An alert Alertmanager currently holds for an entity, firing or muted. @public */
export interface ActiveAlert {
  fingerprint: string;
  name: string;
  severity: string;
  priority: Priority;
  state: 'active' | 'suppressed' | 'unprocessed';
  silencedBy?: string[];
  inhibitedBy?: string[];
  startsAt: string;
  summary: string;
  description?: string;
  labels: Record<string, string>;
  generatorURL?: string;
  /** Filled on team views: the entity the alert belongs to. */
  entityRef?: string;
  env?: string;
}

/** `alerts` view data. @public */
export interface AlertsData {
  alerts: ActiveAlert[];
}

// ---------------------------------------------------------------- other routes

/** `GET /v1/environments` @public */
export interface EnvironmentsResponse {
  environments: Array<{
    name: string;
    sources: Record<string, boolean>;
    argocdInstances?: string[];
  }>;
}

// ---------------------------------------------------------------- team alerts and incidents

/** Active alerts of one entity on a team view, split by priority (P1 first). @public */
export interface TeamAlertsEntity {
  entityRef: string;
  /** The entity's `spec.owner` (may be a child group of the requested owner). */
  owner: string;
  /** Every priority is present, possibly with an empty list. Alerts carry `entityRef` and `env`. */
  alertsByPriority: Record<Priority, ActiveAlert[]>;
}

/** How one environment's Alertmanager answered a team view. @public */
export type TeamAlertsEnvironment =
  | { env: string; status: 'ok' }
  | { env: string; status: 'error'; error: UpstreamError }
  | { env: string; status: 'not-configured'; source: SourceName };

/** `GET /v1/alerts?owner=group:default/team-x` @public */
export interface TeamAlertsResponse {
  owner: string;
  /** The owner and every descendant group whose entities are included. */
  groups: string[];
  /** Entities with at least one alert, worst priority first. */
  entities: TeamAlertsEntity[];
  /** Firing alerts (state `active`) per priority; silenced/inhibited ones are counted in `suppressed`. */
  counts: Record<Priority, number>;
  suppressed: number;
  environments: TeamAlertsEnvironment[];
}

/** One recorded firing of an alert, from fired to resolved. @public */
export interface IncidentEpisode {
  id: number;
  fingerprint: string;
  alertname: string;
  entityRef: string;
  owner: string;
  env: string;
  priority: Priority;
  severity: string;
  firedAt: string;
  /** Absent while the alert still fires. */
  resolvedAt?: string;
  /** Seconds from fired to resolved; for open episodes, seconds firing so far. */
  durationSeconds: number;
}

/** Incident figures over the window. @public */
export interface IncidentStats {
  /** Episodes that started in the window. */
  incidents: number;
  /** Of those, still firing. */
  open: number;
  /** Mean seconds from fired to resolved over resolved episodes; null when none resolved. */
  mttrSeconds: number | null;
  /** Seconds spent firing inside the window, per priority (open episodes count up to now). */
  firingSecondsByPriority: Record<Priority, number>;
}

/** One ISO week (Monday 00:00 UTC) of the trend. @public */
export interface IncidentWeek extends IncidentStats {
  weekStart: string;
}

/** `GET /v1/incidents?owner=group:default/team-x[&entity=component:default/x]` @public */
export interface IncidentsResponse {
  owner: string;
  /** Present when the request was narrowed to one entity. */
  entityRef?: string;
  groups: string[];
  window: { from: string; to: string; days: number };
  total: IncidentStats;
  /** Per entity, most incidents first. */
  byEntity: Array<IncidentStats & { entityRef: string; owner: string }>;
  /** Oldest week first, covering the window. */
  weekly: IncidentWeek[];
  /** Latest episodes first, at most 50. */
  recent: IncidentEpisode[];
}
