import { RouteRef } from '@backstage/core-plugin-api';
import { Area } from '@dataops-observability/plugin-dataops-common';
import {
  DataOpsTab,
  DataOpsTabName,
  TAB_DEFINITIONS,
  TabDefinition,
} from './tabDefinitions';

/*
 * Lookups over the tab table, so callers never list the tabs themselves.
 */

function byKey<K extends string, V>(
  key: (tab: TabDefinition) => K,
  value: (tab: TabDefinition) => V,
): Record<K, V> {
  return Object.fromEntries(
    TAB_DEFINITIONS.map(tab => [key(tab), value(tab)]),
  ) as Record<K, V>;
}

/** Each tab's row, by id. */
export const TABS: Record<DataOpsTab, TabDefinition> = byKey(
  t => t.id as DataOpsTab,
  t => t,
);

/**
 * Where the new frontend system mounts each tab, relative to the entity page, unless app-config sets another
 * `path`; also the paths the documentation suggests for the legacy `EntityLayout.Route`s. Links never use
 * these: they resolve the tab's route ref.
 */
export const DEFAULT_TAB_PATHS: Record<DataOpsTab, string> = byKey(
  t => t.id as DataOpsTab,
  t => t.defaultPath,
);

/** The route ref each tab is mounted with. */
export const TAB_ROUTE_REFS: Record<DataOpsTab, RouteRef> = byKey(
  t => t.id as DataOpsTab,
  t => t.routeRef,
);

/**
 * Tab that explains each Overview area. Partial because common may report an area before this plugin has a tab
 * for it; such cells stay plain text.
 */
export const AREA_TABS: Partial<Record<Area, DataOpsTab>> = byKey(
  t => t.area,
  t => t.id as DataOpsTab,
);

/**
 * Route refs keyed by tab name, mapped over the table's rows rather than over the union of names: the keys
 * then keep the table's order, so the plugins' declared `routes` types (and their API reports) are stable.
 */
type RoutesByName<TRows extends readonly TabDefinition[]> = {
  -readonly [I in keyof TRows as I extends `${number}`
    ? TRows[I] extends { name: infer N extends string }
      ? N
      : never
    : never]: TRows[I] extends { routeRef: infer R } ? R : never;
};

/**
 * The route refs keyed by tab name, as both plugins register them in `routes` (and as adopters bind them in
 * the new frontend system).
 */
export const TAB_ROUTES_BY_NAME: RoutesByName<typeof TAB_DEFINITIONS> = byKey(
  t => t.name as DataOpsTabName,
  t => t.routeRef,
);
