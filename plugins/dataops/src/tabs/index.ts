export { TAB_DEFINITIONS } from './tabDefinitions';
export type {
  DataOpsTab,
  DataOpsTabName,
  TabDefinition,
  TabDefinitionOf,
} from './tabDefinitions';
export {
  AREA_TABS,
  DEFAULT_TAB_PATHS,
  TAB_ROUTE_REFS,
  TAB_ROUTES_BY_NAME,
  TABS,
} from './tabMaps';
