import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { DataOpsClient, dataOpsApiRef } from './api';

/** @public */
export const dataOpsObservabilityRouteRef = createRouteRef({
  id: 'dataops:observability',
});
/** @public */
export const dataOpsMetricsRouteRef = createRouteRef({ id: 'dataops:metrics' });
/** @public */
export const dataOpsLogsRouteRef = createRouteRef({ id: 'dataops:logs' });
/** @public */
export const dataOpsDeploymentsRouteRef = createRouteRef({
  id: 'dataops:deployments',
});
/** @public */
export const dataOpsSloRouteRef = createRouteRef({ id: 'dataops:slo' });

/** @public */
export const dataOpsStorageRouteRef = createRouteRef({ id: 'dataops:storage' });

/** The DataOps frontend plugin for the legacy frontend system. @public */
export const dataOpsPlugin = createPlugin({
  id: 'dataops',
  apis: [
    createApiFactory({
      api: dataOpsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new DataOpsClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    observability: dataOpsObservabilityRouteRef,
    metrics: dataOpsMetricsRouteRef,
    logs: dataOpsLogsRouteRef,
    deployments: dataOpsDeploymentsRouteRef,
    slo: dataOpsSloRouteRef,
    storage: dataOpsStorageRouteRef,
  },
});

/** Observability tab: mount at `/dataops` of the entity page. @public */
export const EntityDataOpsObservabilityContent = dataOpsPlugin.provide(
  createRoutableExtension({
    name: 'EntityDataOpsObservabilityContent',
    component: () =>
      import('./components/ObservabilityTab').then(m => m.ObservabilityTab),
    mountPoint: dataOpsObservabilityRouteRef,
  }),
);

/** Metrics tab: mount at `/dataops-metrics`. @public */
export const EntityDataOpsMetricsContent = dataOpsPlugin.provide(
  createRoutableExtension({
    name: 'EntityDataOpsMetricsContent',
    component: () => import('./components/MetricsTab').then(m => m.MetricsTab),
    mountPoint: dataOpsMetricsRouteRef,
  }),
);

/** Logs tab: mount at `/dataops-logs`. @public */
export const EntityDataOpsLogsContent = dataOpsPlugin.provide(
  createRoutableExtension({
    name: 'EntityDataOpsLogsContent',
    component: () => import('./components/LogsTab').then(m => m.LogsTab),
    mountPoint: dataOpsLogsRouteRef,
  }),
);

/** Deployments tab: mount at `/dataops-deployments`. @public */
export const EntityDataOpsDeploymentsContent = dataOpsPlugin.provide(
  createRoutableExtension({
    name: 'EntityDataOpsDeploymentsContent',
    component: () =>
      import('./components/DeploymentsTab').then(m => m.DeploymentsTab),
    mountPoint: dataOpsDeploymentsRouteRef,
  }),
);

/** SLO tab: mount at `/dataops-slo`; show it with `isDataOpsSloAvailable`. @public */
export const EntityDataOpsSloContent = dataOpsPlugin.provide(
  createRoutableExtension({
    name: 'EntityDataOpsSloContent',
    component: () => import('./components/SloTab').then(m => m.SloTab),
    mountPoint: dataOpsSloRouteRef,
  }),
);

/** Storage tab: mount at `/dataops-storage`, shown for entities with isDataOpsStorageAvailable. @public */
export const EntityDataOpsStorageContent = dataOpsPlugin.provide(
  createRoutableExtension({
    name: 'EntityDataOpsStorageContent',
    component: () => import('./components/StorageTab').then(m => m.StorageTab),
    mountPoint: dataOpsStorageRouteRef,
  }),
);

/** Active alerts card for the entity overview. @public */
export const EntityDataOpsAlertsCard = dataOpsPlugin.provide(
  createComponentExtension({
    name: 'EntityDataOpsAlertsCard',
    component: {
      lazy: () =>
        import('./components/AlertsCard').then(m => m.EntityDataOpsAlertsCard),
    },
  }),
);

/** Team alerts & incidents card for group pages. @public */
export const EntityDataOpsTeamAlertsCard = dataOpsPlugin.provide(
  createComponentExtension({
    name: 'EntityDataOpsTeamAlertsCard',
    component: {
      lazy: () =>
        import('./components/TeamAlertsCard').then(
          m => m.EntityDataOpsTeamAlertsCard,
        ),
    },
  }),
);
