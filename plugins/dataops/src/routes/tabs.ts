import { RouteRef } from '@backstage/core-plugin-api';
import { Area } from '@dataops-observability/plugin-dataops-common';
import {
  dataOpsDeploymentsRouteRef,
  dataOpsLogsRouteRef,
  dataOpsMetricsRouteRef,
  dataOpsObservabilityRouteRef,
  dataOpsSloRouteRef,
  dataOpsStorageRouteRef,
} from './refs';

/** The entity tabs of the plugin. */
export type DataOpsTab =
  | 'overview'
  | 'metrics'
  | 'logs'
  | 'deployments'
  | 'slo'
  | 'storage';

/**
 * Where the new frontend system mounts each tab, relative to the entity page, unless app-config sets another
 * `path`; also the paths the documentation suggests for the legacy `EntityLayout.Route`s. Links never use
 * these: they resolve the tab's route ref.
 */
export const DEFAULT_TAB_PATHS: Record<DataOpsTab, string> = {
  overview: '/dataops',
  metrics: '/dataops-metrics',
  logs: '/dataops-logs',
  deployments: '/dataops-deployments',
  slo: '/dataops-slo',
  storage: '/dataops-storage',
};

/** The route ref each tab is mounted with. */
export const TAB_ROUTE_REFS: Record<DataOpsTab, RouteRef> = {
  overview: dataOpsObservabilityRouteRef,
  metrics: dataOpsMetricsRouteRef,
  logs: dataOpsLogsRouteRef,
  deployments: dataOpsDeploymentsRouteRef,
  slo: dataOpsSloRouteRef,
  storage: dataOpsStorageRouteRef,
};

/** Tab that explains each overview area; alerts are listed on the overview itself. */
export const AREA_TABS: Record<Area, DataOpsTab> = {
  metrics: 'metrics',
  logs: 'logs',
  deployments: 'deployments',
  slo: 'slo',
  storage: 'storage',
  alerts: 'overview',
};
