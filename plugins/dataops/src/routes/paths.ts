import { Area } from '@dataops-observability/plugin-dataops-common';

/**
 * Paths the entity tabs are mounted at, relative to the entity page. Fixed so that cells of the overview
 * and links between tabs can find each other in both frontend systems.
 * @public
 */
export const DATAOPS_TAB_PATHS = {
  overview: '/dataops',
  metrics: '/dataops-metrics',
  logs: '/dataops-logs',
  deployments: '/dataops-deployments',
  slo: '/dataops-slo',
  storage: '/dataops-storage',
} as const;

/** @public */
export type DataOpsTab = keyof typeof DATAOPS_TAB_PATHS;

/** Tab that explains each overview area; alerts are listed on the overview itself. @public */
export const AREA_TABS: Record<Area, DataOpsTab> = {
  metrics: 'metrics',
  logs: 'logs',
  deployments: 'deployments',
  slo: 'slo',
  storage: 'storage',
  alerts: 'overview',
};

/**
 * The entity page's own path, found by dropping a trailing DataOps tab segment from the current path. Used
 * instead of a route ref so that the same links work under the legacy `EntityLayout` and the new
 * frontend system's entity page, whatever the catalog's base path is.
 * @public
 */
export function entityBasePath(pathname: string): string {
  const trimmed = pathname.replace(/\/+$/, '');
  const tabs = Object.values(DATAOPS_TAB_PATHS) as string[];
  const lastSlash = trimmed.lastIndexOf('/');
  const last = trimmed.slice(lastSlash);
  return tabs.includes(last) ? trimmed.slice(0, lastSlash) : trimmed;
}

/** Link to a tab of the same entity, carrying the given search params. @public */
export function tabLink(
  pathname: string,
  tab: DataOpsTab,
  search?: URLSearchParams,
): string {
  const query = search?.toString();
  return `${entityBasePath(pathname)}${DATAOPS_TAB_PATHS[tab]}${
    query ? `?${query}` : ''
  }`;
}
