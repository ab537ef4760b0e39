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
import { DATAOPS_TAB_PATHS } from '../routes';
import { isDataOpsStorageAvailable } from '../components/StorageTab/isStorageAvailable';

/** @alpha */
export const dataOpsObservabilityContent = EntityContentBlueprint.make({
  name: 'observability',
  params: {
    path: DATAOPS_TAB_PATHS.overview,
    title: 'Observability',
    group: 'observability',
    filter: isDataOpsAvailable,
    loader: () =>
      import('../components/ObservabilityTab').then(m => (
        <m.ObservabilityTab />
      )),
  },
});

/** @alpha */
export const dataOpsMetricsContent = EntityContentBlueprint.make({
  name: 'metrics',
  params: {
    path: DATAOPS_TAB_PATHS.metrics,
    title: 'Metrics',
    group: 'observability',
    filter: isDataOpsMetricsAvailable,
    loader: () =>
      import('../components/MetricsTab').then(m => <m.MetricsTab />),
  },
});

/** @alpha */
export const dataOpsLogsContent = EntityContentBlueprint.make({
  name: 'logs',
  params: {
    path: DATAOPS_TAB_PATHS.logs,
    title: 'Logs',
    group: 'observability',
    filter: isDataOpsLogsAvailable,
    loader: () => import('../components/LogsTab').then(m => <m.LogsTab />),
  },
});

/** @alpha */
export const dataOpsDeploymentsContent = EntityContentBlueprint.make({
  name: 'deployments',
  params: {
    path: DATAOPS_TAB_PATHS.deployments,
    title: 'Deployments',
    group: 'deployment',
    filter: isDataOpsDeploymentsAvailable,
    loader: () =>
      import('../components/DeploymentsTab').then(m => <m.DeploymentsTab />),
  },
});

/** @alpha */
export const dataOpsSloContent = EntityContentBlueprint.make({
  name: 'slo',
  params: {
    path: DATAOPS_TAB_PATHS.slo,
    title: 'SLO',
    group: 'observability',
    filter: isDataOpsSloAvailable,
    loader: () => import('../components/SloTab').then(m => <m.SloTab />),
  },
});

/** @alpha */
export const dataOpsStorageContent = EntityContentBlueprint.make({
  name: 'storage',
  params: {
    path: DATAOPS_TAB_PATHS.storage,
    title: 'Storage',
    group: 'observability',
    filter: isDataOpsStorageAvailable,
    loader: () =>
      import('../components/StorageTab').then(m => <m.StorageTab />),
  },
});

/** @alpha */
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
