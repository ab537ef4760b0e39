/**
 * Wire format of the DataOps observability backend (`/api/dataops`), shared by the backend that produces it,
 * the frontend that renders it and the tests that check both. docs/api.md, "HTTP API" fixes the field names;
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
  'runs',
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
  | 'airflow'
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
  /** Kind of failure. */
  type: UpstreamErrorType;
  /** The upstream that failed. */
  source: SourceName;
  /** What went wrong, in words safe to show to the user. */
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
  /** Ref of the entity the view is for. */
  entityRef: string;
  /** The time range the backend actually used, after parsing and bounding. */
  range?: { from: string; to: string; step: number };
  /** One entry per environment, in configuration order. */
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
  'runs',
] as const;

/** One observability area of the overview matrix. @public */
export type Area = (typeof AREAS)[number];

/** Health of one area in one environment, with the reason shown next to it. @public */
export interface AreaStatus {
  /** Health of the area. */
  level: HealthLevel;
  /** Why the area has this level, in words. */
  reason: string;
  /**
   * Why an `unknown` area could not be judged, when it is one of these: `not-set-up` (the entity lacks the
   * area's annotation, the environment lacks its source, or no view serves it), `not-permitted` (the caller
   * may not read it), `timed-out` (the source did not answer in time) or `upstream-failed` (the source
   * could not be reached or answered an error); asking again may help with the last two. Absent when the
   * area was judged, or could not be for another reason (such as a malformed annotation).
   */
  cause?: AreaUnknownCause;
}

/** See {@link AreaStatus.cause}. @public */
export type AreaUnknownCause =
  | 'not-set-up'
  | 'not-permitted'
  | 'timed-out'
  | 'upstream-failed';

/** `summary` view: one status per area. @public */
export interface SummaryData {
  /** Status of every area. */
  areas: Record<Area, AreaStatus>;
}

// ---------------------------------------------------------------- metrics

/**
 * Distinguishes "zero" from "no samples", "never collected" and "query failed" (docs/platform-rules.md,
 * "Lessons behind the design"); `stale` means the newest sample is older than the environment's bound, so
 * the value is history, not the present.
 * @public
 */
export type PanelState = 'ok' | 'empty' | 'not-collected' | 'stale' | 'error';

/** Which side of a threshold is bad; see {@link Thresholds}. @public */
export type ThresholdDirection = 'above' | 'below';

/**
 * Thresholds of a panel or check. `direction: 'above'` means values above the threshold are bad
 * (CPU above 85%); `'below'` means values below are bad (success rate under 95%).
 * @public
 */
export interface Thresholds {
  /** Which side of the thresholds is bad. */
  direction: ThresholdDirection;
  /** Value past which the level is `warning`. */
  warning?: number;
  /** Value past which the level is `critical`. */
  critical?: number;
}

/** One time series of a panel: its labels and its points. @public */
export interface Series {
  /** Label names and values that tell this series apart. */
  labels: Record<string, string>;
  /** `[unixSeconds, value]`; value may be NaN encoded as null. */
  points: Array<[number, number | null]>;
}

/**
 * A link out to the tool that holds the detail (Prometheus, Grafana, OpenSearch Dashboards), built by the
 * backend from the environment's configuration; only ever an `http:` or `https:` URL without credentials.
 * @public
 */
export interface ExternalLink {
  /** Where the link goes. */
  url: string;
  /** Name of the tool, shown as "Open in <title>", e.g. `Prometheus` or `Grafana`. */
  title: string;
}

/** One panel of the `metrics` view: the query run, its series and the evaluated level. @public */
export interface MetricPanel {
  /** Stable id of the panel, unique within the view. */
  id: string;
  /** Title shown on the panel. */
  title: string;
  /** What the panel shows, shown as help text. */
  description?: string;
  /** Unit of the values, e.g. `%`, `s` or `bytes`. */
  unit: string;
  /** The PromQL actually run, after the entity's matchers were injected. */
  query: string;
  /** True when this panel ran its configured fallback query (shown to the user as such). */
  fallback?: boolean;
  /** Whether the query returned values, and if not, why. */
  state: PanelState;
  /** Human explanation of a non-ok state, e.g. which metric was not collected. */
  stateReason?: string;
  /** The series returned by the query. */
  series: Series[];
  /** Thresholds the latest value is judged against. */
  thresholds?: Thresholds;
  /** Level of the latest value against the thresholds; `unknown` when there is no value. */
  level: HealthLevel;
  /** Latest value used for `level` (worst series). */
  lastValue?: number | null;
  /**
   * Seconds between the end of the range and the newest sample of the stalest series the query reads;
   * absent when the panel has no samples.
   */
  newestSampleAgeSeconds?: number;
  /** The same query and time range in the environment's query UI; absent unless `thanos.uiUrl` is set. */
  link?: ExternalLink;
}

/** `metrics` view data. @public */
export interface MetricsData {
  /** The panels, in display order. */
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
  /** When the line was logged, ISO 8601. */
  timestamp: string;
  /** Normalised level of the line. */
  level: LogLevel;
  /** The log message, masked. */
  message: string;
  /** The document's other fields, masked. */
  fields: Record<string, unknown>;
  /** Dotted paths of fields whose values were masked before leaving the backend. */
  maskedFields?: string[];
}

/** Log line counts per level in one time bucket of the `logs` view. @public */
export interface LogHistogramBucket {
  /** Bucket start, unix milliseconds. */
  timestamp: number;
  /** Lines per level; levels without lines may be left out. */
  counts: Partial<Record<LogLevel, number>>;
}

/** `logs` view data. @public */
export interface LogsData {
  /** Lines of this page, newest first. */
  hits: LogHit[];
  /** Lines matching the search over the whole range. */
  total: number;
  /** Opaque cursor for the next page (search_after), absent on the last page. */
  nextCursor?: string;
  /** Line counts per level over time, for the whole range. */
  histogram: LogHistogramBucket[];
  /** Histogram bucket width in milliseconds. */
  histogramInterval?: number;
  /** The index or index pattern searched. */
  index: string;
  /** The same search in OpenSearch Dashboards; absent unless `opensearch.dashboardsUrl` is set. */
  link?: ExternalLink;
}

// ---------------------------------------------------------------- deployments

/** One past sync of an Argo CD application. @public */
export interface DeploymentHistoryEntry {
  /** Argo CD's id of the history entry. */
  id: number | string;
  /** Git revision that was deployed. */
  revision: string;
  /** When the sync finished, ISO 8601. */
  deployedAt: string;
  /** When the sync started, ISO 8601. */
  deployStartedAt?: string;
  /** User or automation that started the sync. */
  initiatedBy?: string;
  /** The revision's commit page at its Git host, when the host is recognised or configured. */
  commitUrl?: string;
}

/** One Argo CD application of the `deployments` view on one instance. @public */
export interface ArgoApplicationStatus {
  /** Name of the configured Argo CD instance. */
  instance: string;
  /** Application name. */
  name: string;
  /** Namespace of the Application resource. */
  namespace?: string;
  /** Argo CD project of the application. */
  project?: string;
  /** Argo CD sync status, e.g. `Synced` or `OutOfSync`. */
  syncStatus: string;
  /** Argo CD health status, e.g. `Healthy` or `Degraded`. */
  healthStatus: string;
  /** Argo CD's explanation of the health status. */
  healthMessage?: string;
  /** Git revision currently synced. */
  revision?: string;
  /** Git repository of the application source. */
  repoUrl?: string;
  /** When the last sync finished, ISO 8601. */
  lastSyncedAt?: string;
  /** When the application last left Synced; present only while OutOfSync. */
  outOfSyncSince?: string;
  /** Level after docs/platform-rules.md, layer 1: OutOfSync longer than 5 minutes is critical. */
  level: HealthLevel;
  /** The current or last sync operation. */
  operation?: {
    phase: string;
    message?: string;
    startedAt?: string;
    finishedAt?: string;
  };
  /** Past syncs, as Argo CD keeps them. */
  history: DeploymentHistoryEntry[];
  /** The application in the Argo CD web UI. */
  appUrl?: string;
  /** The synced revision's commit page at its Git host, when the host is recognised or configured. */
  commitUrl?: string;
}

/** `deployments` view data. @public */
export interface DeploymentsData {
  /** Applications of the entity on every instance that answered. */
  applications: ArgoApplicationStatus[];
  /** Per-instance failures when an environment has several Argo CD instances and only some answer. */
  instanceErrors?: Array<{ instance: string; error: UpstreamError }>;
}

// ---------------------------------------------------------------- slo

/** Error budget burn rate over one window of the `slo` view. @public */
export interface BurnRate {
  /** The window, e.g. `1h`. */
  window: string;
  /** The window in seconds. */
  windowSeconds: number;
  /** Error ratio over the window divided by the error budget ratio. */
  rate: number | null;
}

/** A multiwindow burn-rate alert of the SLO policy and whether its windows are over the threshold. @public */
export interface BurnRateAlert {
  /** Alert name, as the generated rules call it. */
  name: string;
  /** Priority the alert is routed with. */
  priority: Priority;
  /** Severity label of the alert. */
  severity: string;
  /** The long window, e.g. `1h`. */
  longWindow: string;
  /** The short window, e.g. `5m`. */
  shortWindow: string;
  /** Burn rate both windows must exceed. */
  threshold: number;
  /** Burn rate over the long window; null without data. */
  longRate: number | null;
  /** Burn rate over the short window; null without data. */
  shortRate: number | null;
  /** True when both rates exceed the threshold. */
  firing: boolean;
}

/** Error budget of the SLO period: size, consumption and what is left. @public */
export interface ErrorBudget {
  /** Fractions of the period's requests/time. */
  total: number;
  /** Share of the period's requests/time that was bad. */
  consumed: number;
  /** `total` minus `consumed`; negative once the budget is overspent. */
  remaining: number;
  /** Fractions of the budget itself (0..1, remaining may go below 0). */
  consumedFraction: number;
  /** 1 minus `consumedFraction`. */
  remainingFraction: number;
  /** The budget in minutes of the period. */
  totalMinutes: number;
  /** Minutes of the budget used. */
  consumedMinutes: number;
  /** Minutes of the budget left; negative once overspent. */
  remainingMinutes: number;
  /** Hours until exhaustion at the current (1h) burn rate; null when not burning. */
  exhaustionHours?: number | null;
}

/** `slo` view data. @public */
export interface SloData {
  /** Objective in percent, e.g. 99.9. */
  objective: number;
  /** The SLO period, e.g. `30d`. */
  window: string;
  /** Name of the SLI. */
  sliName: string;
  /** The PromQL run for the period's SLI. */
  sliQuery?: string;
  /** Availability over the period, 0..1, null with no traffic. */
  sli: number | null;
  /** Error budget of the period. */
  errorBudget: ErrorBudget;
  /** Burn rate over each reported window. */
  burnRates: BurnRate[];
  /** The policy's burn-rate alerts and whether they fire. */
  alerts: BurnRateAlert[];
  /** Remaining budget fraction per day of the period. */
  burndown: Array<[number, number | null]>;
  /** Health of the SLO. */
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
  /** Stable id of the check. */
  id: string;
  /** Title shown for the check. */
  title: string;
  /** The storage object checked, e.g. `s3:sales-lake` or `iceberg:sales.daily_orders`. */
  target: string;
  /** The measured value; null when there is none. */
  value: number | string | null;
  /** Unit of the value. */
  unit: string;
  /** Thresholds the value is judged against. */
  threshold?: Thresholds;
  /** Health of the target by this check. */
  level: HealthLevel;
  /** Whether a value was found, and if not, why. */
  state: PanelState;
  /** Explanation of a state other than `ok`. */
  stateReason?: string;
  /** Where the value came from: `prometheus` or `iceberg-rest`. */
  source?: string;
  /** The PromQL run, when the value came from Prometheus. */
  query?: string;
  /** Short history for the sparkline. */
  sparkline?: Array<[number, number | null]>;
  /** Age of the newest sample the check read, seconds before the end of the range. */
  newestSampleAgeSeconds?: number;
  /** What to do next when the check is not healthy. */
  advice?: string;
}

/** `storage` view data. @public */
export interface StorageData {
  /** The checks, in display order. */
  checks: StorageCheck[];
}

// ---------------------------------------------------------------- alerts

/** Alert priority, P1 the most urgent. @public */
export type Priority = 'P1' | 'P2' | 'P3' | 'P4';

/** An alert Alertmanager currently holds for an entity, firing or muted. @public */
export interface ActiveAlert {
  /** Alertmanager's fingerprint of the alert. */
  fingerprint: string;
  /** The `alertname` label. */
  name: string;
  /** The `severity` label. */
  severity: string;
  /** Priority of the alert. */
  priority: Priority;
  /** Alertmanager state: `suppressed` when silenced or inhibited. */
  state: 'active' | 'suppressed' | 'unprocessed';
  /** Ids of the silences muting the alert. */
  silencedBy?: string[];
  /** Fingerprints of the alerts inhibiting this one. */
  inhibitedBy?: string[];
  /** When the alert started firing, ISO 8601. */
  startsAt: string;
  /** The `summary` annotation. */
  summary: string;
  /** The `description` annotation. */
  description?: string;
  /** Every label of the alert. */
  labels: Record<string, string>;
  /** Link to the expression that raised the alert; only an `http:` or `https:` URL, without credentials. */
  generatorURL?: string;
  /** The `runbook_url` annotation; only an `http:` or `https:` URL, without credentials. */
  runbookUrl?: string;
  /** Filled on team views: the entity the alert belongs to. */
  entityRef?: string;
  /** Filled on team views: the environment the alert fires in. */
  env?: string;
  /**
   * Filled on team views when ownership is ambiguous: the entities the caller can see whose equally
   * specific selectors claim the alert. The alert is listed once, under the first of them in the view,
   * and notifies nobody until the selectors are made to differ.
   */
  claimedBy?: string[];
  /** How many more claimants there are that the caller may not read (their refs are not sent). */
  claimedByHidden?: number;
}

/** `alerts` view data. @public */
export interface AlertsData {
  /** The alerts of the entity in the environment. */
  alerts: ActiveAlert[];
}

// ---------------------------------------------------------------- other routes

/** `GET /v1/environments` @public */
export interface EnvironmentsResponse {
  /** Configured environments and which sources each has. */
  environments: Array<{
    name: string;
    sources: Record<string, boolean>;
    argocdInstances?: string[];
  }>;
}

// ---------------------------------------------------------------- team alerts and incidents

/** Active alerts of one entity on a team view, split by priority (P1 first). @public */
export interface TeamAlertsEntity {
  /** Ref of the entity. */
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
  /** The requested owner group ref. */
  owner: string;
  /** The owner and every descendant group whose entities are included. */
  groups: string[];
  /** Entities with at least one alert, worst priority first. */
  entities: TeamAlertsEntity[];
  /** Firing alerts (state `active`) per priority; silenced/inhibited ones are counted in `suppressed`. */
  counts: Record<Priority, number>;
  /** Alerts that are silenced or inhibited. */
  suppressed: number;
  /** How each environment answered. */
  environments: TeamAlertsEnvironment[];
}

/** One recorded firing of an alert, from fired to resolved. @public */
export interface IncidentEpisode {
  /** Id of the episode. */
  id: number;
  /** Alertmanager's fingerprint of the alert. */
  fingerprint: string;
  /** The `alertname` label. */
  alertname: string;
  /** Ref of the entity the alert belongs to. */
  entityRef: string;
  /** The entity's owner group ref. */
  owner: string;
  /** Environment the alert fired in. */
  env: string;
  /** Priority of the alert. */
  priority: Priority;
  /** The `severity` label. */
  severity: string;
  /** When the alert started firing, ISO 8601. */
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
  /** Monday 00:00 UTC starting the week, ISO 8601. */
  weekStart: string;
}

/** `GET /v1/incidents?owner=group:default/team-x[&entity=component:default/x]` @public */
export interface IncidentsResponse {
  /** The requested owner group ref. */
  owner: string;
  /** Present when the request was narrowed to one entity. */
  entityRef?: string;
  /** The owner and every descendant group whose entities are included. */
  groups: string[];
  /** The window the figures cover. */
  window: { from: string; to: string; days: number };
  /** Figures over the whole window. */
  total: IncidentStats;
  /** Per entity, most incidents first. */
  byEntity: Array<IncidentStats & { entityRef: string; owner: string }>;
  /** Oldest week first, covering the window. */
  weekly: IncidentWeek[];
  /** Latest episodes first, at most 50. */
  recent: IncidentEpisode[];
}
