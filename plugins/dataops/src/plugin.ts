import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { DataOpsClient, dataOpsApiRef } from './api';
import type { EntityDataOpsTeamAlertsCardProps } from './components/TeamAlertsCard';
import {
  dataOpsDeploymentsRouteRef,
  dataOpsLogsRouteRef,
  dataOpsMetricsRouteRef,
  dataOpsObservabilityRouteRef,
  dataOpsSloRouteRef,
  dataOpsStorageRouteRef,
} from './routes';

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

/**
 * Observability tab: the overview matrix and the active alerts. Mount it in an `EntityLayout.Route`, by
 * convention at `/dataops`, and show it with `isDataOpsAvailable`.
 *
 * The tabs link to each other wherever they are mounted, and a cell whose tab is not mounted has no link. The
 * legacy routing keeps one path per tab, so mount a tab at the same path on every entity page.
 * @public
 */
export const EntityDataOpsObservabilityContent: () => JSX.Element =
  dataOpsPlugin.provide(
    createRoutableExtension({
      name: 'EntityDataOpsObservabilityContent',
      component: () =>
        import('./components/ObservabilityTab').then(m => m.ObservabilityTab),
      mountPoint: dataOpsObservabilityRouteRef,
    }),
  );

/**
 * Metrics tab: mount it by convention at `/dataops-metrics`; show it with `isDataOpsMetricsAvailable`.
 * @public
 */
export const EntityDataOpsMetricsContent: () => JSX.Element =
  dataOpsPlugin.provide(
    createRoutableExtension({
      name: 'EntityDataOpsMetricsContent',
      component: () =>
        import('./components/MetricsTab').then(m => m.MetricsTab),
      mountPoint: dataOpsMetricsRouteRef,
    }),
  );

/**
 * Logs tab: mount it by convention at `/dataops-logs`; show it with `isDataOpsLogsAvailable`.
 * @public
 */
export const EntityDataOpsLogsContent: () => JSX.Element =
  dataOpsPlugin.provide(
    createRoutableExtension({
      name: 'EntityDataOpsLogsContent',
      component: () => import('./components/LogsTab').then(m => m.LogsTab),
      mountPoint: dataOpsLogsRouteRef,
    }),
  );

/**
 * Deployments tab: mount it by convention at `/dataops-deployments`; show it with
 * `isDataOpsDeploymentsAvailable`.
 * @public
 */
export const EntityDataOpsDeploymentsContent: () => JSX.Element =
  dataOpsPlugin.provide(
    createRoutableExtension({
      name: 'EntityDataOpsDeploymentsContent',
      component: () =>
        import('./components/DeploymentsTab').then(m => m.DeploymentsTab),
      mountPoint: dataOpsDeploymentsRouteRef,
    }),
  );

/**
 * SLO tab: mount it by convention at `/dataops-slo`; show it with `isDataOpsSloAvailable`.
 * @public
 */
export const EntityDataOpsSloContent: () => JSX.Element = dataOpsPlugin.provide(
  createRoutableExtension({
    name: 'EntityDataOpsSloContent',
    component: () => import('./components/SloTab').then(m => m.SloTab),
    mountPoint: dataOpsSloRouteRef,
  }),
);

/**
 * Storage tab: mount it by convention at `/dataops-storage`; show it with `isDataOpsStorageAvailable`.
 * @public
 */
export const EntityDataOpsStorageContent: () => JSX.Element =
  dataOpsPlugin.provide(
    createRoutableExtension({
      name: 'EntityDataOpsStorageContent',
      component: () =>
        import('./components/StorageTab').then(m => m.StorageTab),
      mountPoint: dataOpsStorageRouteRef,
    }),
  );

/** Active alerts card for the entity overview. @public */
export const EntityDataOpsAlertsCard: (props: {
  title?: string;
}) => JSX.Element = dataOpsPlugin.provide(
  createComponentExtension({
    name: 'EntityDataOpsAlertsCard',
    component: {
      lazy: () =>
        import('./components/AlertsCard').then(m => m.EntityDataOpsAlertsCard),
    },
  }),
);

/** Team alerts & incidents card for group pages. @public */
export const EntityDataOpsTeamAlertsCard: (
  props: EntityDataOpsTeamAlertsCardProps,
) => JSX.Element = dataOpsPlugin.provide(
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
