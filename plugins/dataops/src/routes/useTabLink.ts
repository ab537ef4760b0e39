import { RouteRef, useRouteRef } from '@backstage/core-plugin-api';
import { DataOpsTab, TAB_DEFINITIONS } from '../tabs';

/**
 * The path the app mounts a route ref at, seen from the current page, or undefined when the app mounts it
 * nowhere (an adopter may leave a tab out). `useRouteRef` throws in that case, in both frontend systems.
 * Catching it keeps the hook order stable: whether a ref is mounted depends on the app's route tree, which is
 * fixed for the app's lifetime, so every render of a component takes the same branch.
 */
function useMountedPath(routeRef: RouteRef): string | undefined {
  try {
    return useRouteRef(routeRef)();
  } catch {
    return undefined;
  }
}

/** A link to a tab of the current entity carrying the given query, or undefined when the tab is not mounted. */
export type TabLink = (
  tab: DataOpsTab,
  search?: URLSearchParams,
) => string | undefined;

/**
 * Links to the other DataOps tabs of the current entity, wherever the app mounts them: the paths come from
 * the tabs' route refs, so an adopter's own tab paths (legacy `EntityLayout.Route` or new frontend system
 * app-config) are followed.
 */
export function useTabLink(): TabLink {
  const paths = new Map<DataOpsTab, string | undefined>();
  for (const tab of TAB_DEFINITIONS) {
    // The tab table is a module constant, so every render calls the hook the same number of times in the
    // same order, which is what the rules of hooks protect.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    paths.set(tab.id, useMountedPath(tab.routeRef));
  }
  return (tab, search) => {
    const path = paths.get(tab);
    if (path === undefined) return undefined;
    const query = search?.toString();
    return query ? `${path}?${query}` : path;
  };
}
