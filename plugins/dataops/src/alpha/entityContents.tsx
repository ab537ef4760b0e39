import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  isDataOpsAvailable,
  isDataOpsDeploymentsAvailable,
  isDataOpsSloAvailable,
  isDataOpsLogsAvailable,
  isDataOpsMetricsAvailable,
} from '../annotations';
import { DEFAULT_TAB_PATHS } from '../routes';
import { dataOpsRoutes } from './routes';
import { isDataOpsStorageAvailable } from '../components/StorageTab/isStorageAvailable';

/**
 * Observability tab, at `/dataops` unless app-config sets the extension's `path`; like every tab here, the
 * other tabs' links follow the path it is given.
 * @alpha
 */
export const dataOpsObservabilityContent = EntityContentBlueprint.make({
  name: 'observability',
  params: {
    path: DEFAULT_TAB_PATHS.overview,
    routeRef: dataOpsRoutes.observability,
    title: 'Observability',
    group: 'observability',
    filter: isDataOpsAvailable,
    loader: () =>
      import('../components/ObservabilityTab').then(m => (
        <m.ObservabilityTab />
      )),
  },
});

/** Metrics tab (default path `/dataops-metrics`). @alpha */
export const dataOpsMetricsContent = EntityContentBlueprint.make({
  name: 'metrics',
  params: {
    path: DEFAULT_TAB_PATHS.metrics,
    routeRef: dataOpsRoutes.metrics,
    title: 'Metrics',
    group: 'observability',
    filter: isDataOpsMetricsAvailable,
    loader: () =>
      import('../components/MetricsTab').then(m => <m.MetricsTab />),
  },
});

/** Logs tab (default path `/dataops-logs`). @alpha */
export const dataOpsLogsContent = EntityContentBlueprint.make({
  name: 'logs',
  params: {
    path: DEFAULT_TAB_PATHS.logs,
    routeRef: dataOpsRoutes.logs,
    title: 'Logs',
    group: 'observability',
    filter: isDataOpsLogsAvailable,
    loader: () => import('../components/LogsTab').then(m => <m.LogsTab />),
  },
});

/** Deployments tab (default path `/dataops-deployments`). @alpha */
export const dataOpsDeploymentsContent = EntityContentBlueprint.make({
  name: 'deployments',
  params: {
    path: DEFAULT_TAB_PATHS.deployments,
    routeRef: dataOpsRoutes.deployments,
    title: 'Deployments',
    group: 'deployment',
    filter: isDataOpsDeploymentsAvailable,
    loader: () =>
      import('../components/DeploymentsTab').then(m => <m.DeploymentsTab />),
  },
});

/** SLO tab (default path `/dataops-slo`). @alpha */
export const dataOpsSloContent = EntityContentBlueprint.make({
  name: 'slo',
  params: {
    path: DEFAULT_TAB_PATHS.slo,
    routeRef: dataOpsRoutes.slo,
    title: 'SLO',
    group: 'observability',
    filter: isDataOpsSloAvailable,
    loader: () => import('../components/SloTab').then(m => <m.SloTab />),
  },
});

/** Storage tab (default path `/dataops-storage`). @alpha */
export const dataOpsStorageContent = EntityContentBlueprint.make({
  name: 'storage',
  params: {
    path: DEFAULT_TAB_PATHS.storage,
    routeRef: dataOpsRoutes.storage,
    title: 'Storage',
    group: 'observability',
    filter: isDataOpsStorageAvailable,
    loader: () =>
      import('../components/StorageTab').then(m => <m.StorageTab />),
  },
});

/** Active alerts card for the entity overview. @alpha */
export const dataOpsAlertsCard = EntityCardBlueprint.make({
  name: 'alerts',
  params: {
    filter: isDataOpsAvailable,
    loader: () =>
      import('../components/AlertsCard').then(m => (
        <m.EntityDataOpsAlertsCard />
      )),
  },
});

/** Team alerts & incidents, on group pages only. @alpha */
export const dataOpsTeamAlertsCard = EntityCardBlueprint.make({
  name: 'team-alerts',
  params: {
    filter: { kind: 'group' },
    loader: () =>
      import('../components/TeamAlertsCard').then(m => (
        <m.EntityDataOpsTeamAlertsCard />
      )),
  },
});
