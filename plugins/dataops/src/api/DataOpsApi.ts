import { createApiRef } from '@backstage/core-plugin-api';
import {
  AlertsData,
  DeploymentsData,
  EntityViewResponse,
  EnvironmentsResponse,
  IncidentsResponse,
  InventoryResponse,
  LogLevel,
  LogsData,
  MetricsData,
  PipelineResponse,
  RunsData,
  SloData,
  StorageData,
  SummaryData,
  TeamAlertsResponse,
  TeamReportResponse,
  TeamAlertReceiversResponse,
} from '@dataops-observability/plugin-dataops-common';

/** Data of each entity view, keyed by view name. @public */
export interface EntityViewDataMap {
  /** One status per observability area. */
  summary: SummaryData;
  /** Metric panels. */
  metrics: MetricsData;
  /** One page of log lines and their histogram. */
  logs: LogsData;
  /** Argo CD applications and their sync history. */
  deployments: DeploymentsData;
  /** SLI, error budget and burn rates. */
  slo: SloData;
  /** Storage checks. */
  storage: StorageData;
  /** Active alerts. */
  alerts: AlertsData;
  /** Last runs of the workload (Airflow DAG runs) against its run-time SLA. */
  runs: RunsData;
}

/** Identity of the entity a view is asked for. @public */
export interface DataOpsEntityName {
  /** Entity namespace, e.g. `default`. */
  namespace: string;
  /** Entity kind, e.g. `component`. */
  kind: string;
  /** Entity name. */
  name: string;
}

/** Environments and time range of an entity view. @public */
export interface EntityViewQuery {
  /** Environments to ask for; all of the entity's when empty or absent. */
  envs?: string[];
  /** RFC 3339 or `now-6h` style, passed through to the backend which validates and bounds it. */
  from?: string;
  /** End of the range, in the same forms as `from`; now when absent. */
  to?: string;
  /** Seconds between points of range queries. */
  step?: number;
}

/** Extra parameters of the `logs` view. @public */
export interface LogsQuery extends EntityViewQuery {
  /** Free-text search. */
  q?: string;
  /** Log levels to keep; every level when absent or empty. */
  level?: LogLevel[];
  /** The previous page's `nextCursor`, to fetch the page after it. */
  cursor?: string;
  /** Lines per page. */
  size?: number;
}

// The team routes' wire types live with the backend's in the common package; re-exported under the names
// this package already published.
export type {
  IncidentsResponse,
  TeamAlertsResponse,
  TeamReportResponse,
} from '@dataops-observability/plugin-dataops-common';

/** Narrows `GET /v1/team-report`. @public */
export interface TeamReportQuery {
  /** Length of the period in days, 1 to 90; the backend's default is 30. */
  days?: number;
}

/** Narrows `GET /v1/incidents`. @public */
export interface IncidentsQuery {
  /** Days back from now, 1 to 90; the backend's default is 30. */
  days?: number;
  /** One entity of the group instead of all of them. */
  entityRef?: string;
}

/** Client of the DataOps backend (`/api/dataops`). @public */
export interface DataOpsApi {
  /** One entity view (every view but `logs`) for each of the entity's environments. */
  getEntityView<V extends Exclude<keyof EntityViewDataMap, 'logs'>>(
    entity: DataOpsEntityName,
    view: V,
    query?: EntityViewQuery,
    options?: { signal?: AbortSignal },
  ): Promise<EntityViewResponse<EntityViewDataMap[V]>>;
  /** One page of the entity's logs for each of its environments. */
  getLogs(
    entity: DataOpsEntityName,
    query?: LogsQuery,
    options?: { signal?: AbortSignal },
  ): Promise<EntityViewResponse<LogsData>>;
  /** The configured environments and which sources each has. */
  getEnvironments(): Promise<EnvironmentsResponse>;
  /** Active alerts of everything the group and its sub-groups own. */
  getTeamAlerts(
    ownerRef: string,
    options?: { signal?: AbortSignal },
  ): Promise<TeamAlertsResponse>;
  /**
   * Where the group's alerts go per environment and priority (from `dataops.io/alert-receivers`, a parent's,
   * or the configured default). Optional so implementations written before it keep compiling.
   */
  getTeamAlertReceivers?(
    ownerRef: string,
    options?: { signal?: AbortSignal },
  ): Promise<TeamAlertReceiversResponse>;
  /** Recorded incident episodes, MTTR and weekly trend of the group and its sub-groups. */
  getIncidents(
    ownerRef: string,
    query?: IncidentsQuery,
    options?: { signal?: AbortSignal },
  ): Promise<IncidentsResponse>;
  /**
   * The team report of the group and its sub-groups: error budgets left, incidents, MTTR and MTTD against
   * the platform targets, noisiest alerts and the trend against the previous period. Optional so
   * implementations written before it keep compiling; {@link DataOpsClient} has it.
   */
  getTeamReport?(
    ownerRef: string,
    query?: TeamReportQuery,
    options?: { signal?: AbortSignal },
  ): Promise<TeamReportResponse>;
  /**
   * The Alertmanager routing tree generated from catalog ownership, as the YAML text of an Alertmanager
   * configuration.
   */
  getAlertRouting(options?: { signal?: AbortSignal }): Promise<string>;
  /** The metric inventory: per environment, the series panels, SLIs and checks need, found or missing. */
  getInventory(
    query?: InventoryQuery,
    options?: { signal?: AbortSignal },
  ): Promise<InventoryResponse>;
  /**
   * The pipeline the entity belongs to (its DAGs, Spark jobs and Iceberg tables), each step's health per
   * environment and the first broken step. Optional so that implementations written before it still
   * compile; the pipeline card says so when it is missing.
   */
  getPipeline?(
    entity: DataOpsEntityName,
    query?: PipelineQuery,
    options?: { signal?: AbortSignal },
  ): Promise<PipelineResponse>;
}

/** Narrows `GET /v1/pipeline/...`. @public */
export interface PipelineQuery {
  /** Environments to show; every configured one when empty or absent. */
  envs?: string[];
}

/** Narrows `GET /v1/inventory`. @public */
export interface InventoryQuery {
  /** Environments to list; every configured one when empty or absent. */
  envs?: string[];
  /** Entity types to list (`spark-job`, `airflow-dag`, `iceberg-table`); all when empty or absent. */
  types?: string[];
}

/** Reference to the {@link DataOpsApi}; the plugin registers {@link DataOpsClient} for it. @public */
export const dataOpsApiRef = createApiRef<DataOpsApi>({
  id: 'plugin.dataops.service',
});
