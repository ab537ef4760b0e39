import { createApiRef } from '@backstage/core-plugin-api';
import {
  AlertsData,
  DeploymentsData,
  EntityViewResponse,
  EnvironmentsResponse,
  IncidentsResponse,
  LogLevel,
  LogsData,
  MetricsData,
  SloData,
  StorageData,
  SummaryData,
  TeamAlertsResponse,
} from '@dataops-observability/plugin-dataops-common';

/** Data of each entity view, keyed by view name. @public */
export interface EntityViewDataMap {
  summary: SummaryData;
  metrics: MetricsData;
  logs: LogsData;
  deployments: DeploymentsData;
  slo: SloData;
  storage: StorageData;
  alerts: AlertsData;
}

/** Identity of the entity a view is asked for. @public */
export interface DataOpsEntityName {
  namespace: string;
  kind: string;
  name: string;
}

/** Environments and time range of an entity view. @public */
export interface EntityViewQuery {
  /** Environments to ask for; all of the entity's when empty or absent. */
  envs?: string[];
  /** RFC 3339 or `now-6h` style, passed through to the backend which validates and bounds it. */
  from?: string;
  to?: string;
  /** Seconds between points of range queries. */
  step?: number;
}

/** Extra parameters of the `logs` view. @public */
export interface LogsQuery extends EntityViewQuery {
  q?: string;
  level?: LogLevel[];
  cursor?: string;
  size?: number;
}

// The team routes' wire types live with the backend's in the common package; re-exported under the names
// this package already published.
export type {
  IncidentsResponse,
  TeamAlertsResponse,
} from '@dataops-observability/plugin-dataops-common';

/** Narrows `GET /v1/incidents`. @public */
export interface IncidentsQuery {
  /** Days back from now, 1 to 90; the backend's default is 30. */
  days?: number;
  /** One entity of the group instead of all of them. */
  entityRef?: string;
}

/** Client of the DataOps backend (`/api/dataops`). @public */
export interface DataOpsApi {
  getEntityView<V extends Exclude<keyof EntityViewDataMap, 'logs'>>(
    entity: DataOpsEntityName,
    view: V,
    query?: EntityViewQuery,
    options?: { signal?: AbortSignal },
  ): Promise<EntityViewResponse<EntityViewDataMap[V]>>;
  getLogs(
    entity: DataOpsEntityName,
    query?: LogsQuery,
    options?: { signal?: AbortSignal },
  ): Promise<EntityViewResponse<LogsData>>;
  getEnvironments(): Promise<EnvironmentsResponse>;
  /** Active alerts of everything the group and its sub-groups own. */
  getTeamAlerts(
    ownerRef: string,
    options?: { signal?: AbortSignal },
  ): Promise<TeamAlertsResponse>;
  /** Recorded incident episodes, MTTR and weekly trend of the group and its sub-groups. */
  getIncidents(
    ownerRef: string,
    query?: IncidentsQuery,
    options?: { signal?: AbortSignal },
  ): Promise<IncidentsResponse>;
  /**
   * The Alertmanager routing tree generated from catalog ownership, as the YAML text of an Alertmanager
   * configuration.
   */
  getAlertRouting(options?: { signal?: AbortSignal }): Promise<string>;
}

/** Reference to the {@link DataOpsApi}; the plugin registers {@link DataOpsClient} for it. @public */
export const dataOpsApiRef = createApiRef<DataOpsApi>({
  id: 'plugin.dataops.service',
});
