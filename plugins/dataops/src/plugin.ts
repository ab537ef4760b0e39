import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { DataOpsClient, dataOpsApiRef } from './api';
import { dataOpsFleetRouteRef, dataOpsInventoryRouteRef } from './routes';
import type { EntityDataOpsTeamAlertsCardProps } from './components/TeamAlertsCard';
import type { EntityDataOpsTeamReportCardProps } from './components/TeamReport';
import { DataOpsTabName, TAB_DEFINITIONS, TAB_ROUTES_BY_NAME } from './tabs';
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import {
  DATAOPS_ENVIRONMENT_PICKER,
  DataOpsEnvironmentPicker,
  DataOpsEnvironmentPickerFieldSchema,
} from './scaffolder';

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
    ...TAB_ROUTES_BY_NAME,
    inventory: dataOpsInventoryRouteRef,
    fleet: dataOpsFleetRouteRef,
  },
});

/**
 * The metric inventory page (for platform admins): mount it at a top-level route, by convention
 * `/dataops-inventory`; "not collected" panels link to it.
 * @public
 */
export const DataOpsInventoryPage: () => JSX.Element = dataOpsPlugin.provide(
  createRoutableExtension({
    name: 'DataOpsInventoryPage',
    component: () =>
      import('./components/InventoryPage').then(m => m.InventoryPage),
    mountPoint: dataOpsInventoryRouteRef,
  }),
);

/**
 * The DataOps fleet page: every annotated entity the user may see, one column per environment, worst first.
 * Mount it at a top-level route, by convention `/dataops`, and add a sidebar item.
 * @public
 */
export const DataOpsFleetPage: () => JSX.Element = dataOpsPlugin.provide(
  createRoutableExtension({
    name: 'DataOpsFleetPage',
    component: () => import('./components/FleetPage').then(m => m.FleetPage),
    mountPoint: dataOpsFleetRouteRef,
  }),
);

/** The legacy name of a tab's extension: `metrics` is `EntityDataOpsMetricsContent`. */
function legacyTabExtensionName(name: DataOpsTabName): string {
  return `EntityDataOps${name.charAt(0).toUpperCase()}${name.slice(1)}Content`;
}

/** The legacy routable extension of a row of the tab table. */
function tabExtension(name: DataOpsTabName): () => JSX.Element {
  const tab = TAB_DEFINITIONS.find(t => t.name === name)!;
  return dataOpsPlugin.provide(
    createRoutableExtension({
      name: legacyTabExtensionName(name),
      component: tab.loadComponent,
      mountPoint: tab.routeRef,
    }),
  );
}

/*
 * The tabs, one export per row of the tab table (named exports are the package's API, so they are spelled out).
 */

/**
 * Observability tab: the overview matrix and the active alerts. Mount it in an `EntityLayout.Route`, by
 * convention at `/dataops`, and show it with `isDataOpsAvailable`.
 *
 * The tabs link to each other wherever they are mounted, and a cell whose tab is not mounted, or does not
 * apply to the entity, has no link. The legacy routing keeps one path per tab, so mount a tab at the same path
 * on every entity page.
 * @public
 */
export const EntityDataOpsObservabilityContent = tabExtension('observability');

/**
 * Metrics tab: mount it by convention at `/dataops-metrics`; show it with `isDataOpsMetricsAvailable`.
 * @public
 */
export const EntityDataOpsMetricsContent = tabExtension('metrics');

/**
 * Logs tab: mount it by convention at `/dataops-logs`; show it with `isDataOpsLogsAvailable`.
 * @public
 */
export const EntityDataOpsLogsContent = tabExtension('logs');

/**
 * Deployments tab: mount it by convention at `/dataops-deployments`; show it with
 * `isDataOpsDeploymentsAvailable`.
 * @public
 */
export const EntityDataOpsDeploymentsContent = tabExtension('deployments');

/**
 * SLO tab: mount it by convention at `/dataops-slo`; show it with `isDataOpsSloAvailable`.
 * @public
 */
export const EntityDataOpsSloContent = tabExtension('slo');

/**
 * Storage tab: mount it by convention at `/dataops-storage`; show it with `isDataOpsStorageAvailable`.
 * @public
 */
export const EntityDataOpsStorageContent = tabExtension('storage');

/**
 * Runs tab: mount it by convention at `/dataops-runs`; show it with `isDataOpsRunsAvailable`.
 * @public
 */
export const EntityDataOpsRunsContent = tabExtension('runs');

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

/**
 * Pipeline card for the entity overview of DAGs, Spark jobs, Iceberg tables and Systems: the chain the entity
 * belongs to, each step's health per environment, the first broken step and the final tables' freshness.
 * @public
 */
export const EntityDataOpsPipelineCard: (props: {
  title?: string;
}) => JSX.Element = dataOpsPlugin.provide(
  createComponentExtension({
    name: 'EntityDataOpsPipelineCard',
    component: {
      lazy: () =>
        import('./components/PipelineView').then(
          m => m.EntityDataOpsPipelineCard,
        ),
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

/** Team report card for group pages: error budgets, incidents, MTTR and MTTD against targets, noisiest alerts. @public */
export const EntityDataOpsTeamReportCard: (
  props: EntityDataOpsTeamReportCardProps,
) => JSX.Element = dataOpsPlugin.provide(
  createComponentExtension({
    name: 'EntityDataOpsTeamReportCard',
    component: {
      lazy: () =>
        import('./components/TeamReport').then(
          m => m.EntityDataOpsTeamReportCard,
        ),
    },
  }),
);

/**
 * Scaffolder form field `ui:field: DataOpsEnvironmentPicker` (legacy frontend system): the environments of
 * the DataOps backend as checkboxes, all ticked at first. Add it inside `ScaffolderFieldExtensions` of the
 * scaffolder page.
 * @public
 */
export const DataOpsEnvironmentPickerFieldExtension = dataOpsPlugin.provide(
  createScaffolderFieldExtension({
    name: DATAOPS_ENVIRONMENT_PICKER,
    component: DataOpsEnvironmentPicker,
    schema: DataOpsEnvironmentPickerFieldSchema.schema,
  }),
);
