import { Entity } from '@backstage/catalog-model';
import { RouteRef } from '@backstage/core-plugin-api';
import { Area } from '@dataops-observability/plugin-dataops-common';
import {
  isDataOpsAvailable,
  isDataOpsDeploymentsAvailable,
  isDataOpsLogsAvailable,
  isDataOpsMetricsAvailable,
  isDataOpsRunsAvailable,
  isDataOpsSloAvailable,
  isDataOpsStorageAvailable,
} from '../annotations';
import {
  dataOpsDeploymentsRouteRef,
  dataOpsLogsRouteRef,
  dataOpsMetricsRouteRef,
  dataOpsObservabilityRouteRef,
  dataOpsRunsRouteRef,
  dataOpsSloRouteRef,
  dataOpsStorageRouteRef,
} from '../routes/refs';

/** Everything both frontend systems and the Overview need to know about one entity tab. */
export interface TabDefinition {
  /** How the code refers to the tab, e.g. in `useTabLink`. */
  id: string;
  /**
   * The tab's extension name: `EntityDataOps<Name>Content` in the legacy system, `entity-content:dataops/<name>` in
   * the new one, and the key of its route ref in both plugins' `routes`.
   */
  name: string;
  /** The tab's title on the entity page. */
  title: string;
  /**
   * Where the new frontend system mounts the tab unless app-config sets another `path`; also the path the docs
   * suggest for the legacy `EntityLayout.Route`. Links never use it: they resolve the route ref.
   */
  defaultPath: string;
  /** The Overview area whose cells open this tab. */
  area: Area;
  /** Whether the tab applies to an entity: the entity page shows it, and the Overview links to it, only then. */
  isAvailable: (entity: Entity) => boolean;
  /** Loads the tab's page lazily, so an entity page pays only for the tabs it opens. */
  loadComponent: () => Promise<() => JSX.Element>;
  /** The route ref the tab is mounted with; the other tabs link to it through this ref. */
  routeRef: RouteRef;
  /** Where the new frontend system's entity page groups the tab. */
  group: 'observability' | 'deployment';
}

/**
 * The plugin's entity tabs, in the order the entity page shows them. The legacy extensions, the new frontend
 * system's extensions, the route refs each plugin registers, the default paths and the Overview's links are all
 * derived from this list.
 *
 * To add a tab: write its component (and its predicate in `annotations/predicates.ts`), add its route ref to
 * `routes/refs.ts` and its row here, then name its extensions in `plugin.ts` and `alpha/entityContents.tsx` and
 * re-export them (with the route ref and predicate) from `index.ts` and `alpha/index.ts`: named exports are the
 * packages' public API, so they cannot be generated.
 */
export const TAB_DEFINITIONS = [
  {
    id: 'overview',
    name: 'observability',
    title: 'Observability',
    defaultPath: '/dataops',
    // Alerts have no tab of their own: the Overview lists them below its matrix.
    area: 'alerts',
    isAvailable: isDataOpsAvailable,
    loadComponent: () =>
      import('../components/ObservabilityTab').then(m => m.ObservabilityTab),
    routeRef: dataOpsObservabilityRouteRef,
    group: 'observability',
  },
  {
    id: 'metrics',
    name: 'metrics',
    title: 'Metrics',
    defaultPath: '/dataops-metrics',
    area: 'metrics',
    isAvailable: isDataOpsMetricsAvailable,
    loadComponent: () =>
      import('../components/MetricsTab').then(m => m.MetricsTab),
    routeRef: dataOpsMetricsRouteRef,
    group: 'observability',
  },
  {
    id: 'logs',
    name: 'logs',
    title: 'Logs',
    defaultPath: '/dataops-logs',
    area: 'logs',
    isAvailable: isDataOpsLogsAvailable,
    loadComponent: () => import('../components/LogsTab').then(m => m.LogsTab),
    routeRef: dataOpsLogsRouteRef,
    group: 'observability',
  },
  {
    id: 'deployments',
    name: 'deployments',
    title: 'Deployments',
    defaultPath: '/dataops-deployments',
    area: 'deployments',
    isAvailable: isDataOpsDeploymentsAvailable,
    loadComponent: () =>
      import('../components/DeploymentsTab').then(m => m.DeploymentsTab),
    routeRef: dataOpsDeploymentsRouteRef,
    group: 'deployment',
  },
  {
    id: 'slo',
    name: 'slo',
    title: 'SLO',
    defaultPath: '/dataops-slo',
    area: 'slo',
    isAvailable: isDataOpsSloAvailable,
    loadComponent: () => import('../components/SloTab').then(m => m.SloTab),
    routeRef: dataOpsSloRouteRef,
    group: 'observability',
  },
  {
    id: 'storage',
    name: 'storage',
    title: 'Storage',
    defaultPath: '/dataops-storage',
    area: 'storage',
    isAvailable: isDataOpsStorageAvailable,
    loadComponent: () =>
      import('../components/StorageTab').then(m => m.StorageTab),
    routeRef: dataOpsStorageRouteRef,
    group: 'observability',
  },
  {
    id: 'runs',
    name: 'runs',
    title: 'Runs',
    defaultPath: '/dataops-runs',
    area: 'runs',
    isAvailable: isDataOpsRunsAvailable,
    loadComponent: () => import('../components/RunsTab').then(m => m.RunsTab),
    routeRef: dataOpsRunsRouteRef,
    group: 'observability',
  },
] as const satisfies readonly TabDefinition[];

/** The entity tabs of the plugin, by id. */
export type DataOpsTab = (typeof TAB_DEFINITIONS)[number]['id'];

/** The tabs' extension names, which are also their route keys. */
export type DataOpsTabName = (typeof TAB_DEFINITIONS)[number]['name'];

/** The table's row of one tab, with its literal types kept. */
export type TabDefinitionOf<TName extends DataOpsTabName> = Extract<
  (typeof TAB_DEFINITIONS)[number],
  { name: TName }
>;
