/**
 * Entity tabs and cards for DataOps observability across environments (legacy frontend system; the new
 * frontend system's plugin is the `/alpha` export).
 *
 * @packageDocumentation
 */
export {
  dataOpsPlugin,
  EntityDataOpsObservabilityContent,
  EntityDataOpsMetricsContent,
  EntityDataOpsLogsContent,
  EntityDataOpsDeploymentsContent,
  EntityDataOpsSloContent,
  EntityDataOpsStorageContent,
  EntityDataOpsAlertsCard,
  EntityDataOpsTeamAlertsCard,
  dataOpsObservabilityRouteRef,
  dataOpsMetricsRouteRef,
  dataOpsLogsRouteRef,
  dataOpsDeploymentsRouteRef,
  dataOpsSloRouteRef,
  dataOpsStorageRouteRef,
} from './plugin';
export {
  dataOpsApiRef,
  DataOpsClient,
  DataOpsBackendMissingError,
} from './api';
export type {
  DataOpsApi,
  DataOpsEntityName,
  EntityViewDataMap,
  EntityViewQuery,
  LogsQuery,
  TeamAlertsResponse,
  IncidentsResponse,
  IncidentsQuery,
} from './api';
export {
  isDataOpsAvailable,
  isDataOpsMetricsAvailable,
  isDataOpsLogsAvailable,
  isDataOpsDeploymentsAvailable,
  isDataOpsSloAvailable,
  isDataOpsEntityType,
  hasDataOpsAnnotation,
  hasAnnotation,
  getEntityEnvironments,
  ANNOTATION_ENVIRONMENTS,
  ANNOTATION_PROMETHEUS_SELECTOR,
  ANNOTATION_OPENSEARCH_INDEX,
  ANNOTATION_ARGOCD_APP_NAME,
  ANNOTATION_ARGOCD_APP_SELECTOR,
  ANNOTATION_SLO_OBJECTIVE,
  DATAOPS_ANNOTATION_PREFIX,
  DATAOPS_ENTITY_TYPES,
} from './annotations';
export {
  DATAOPS_TAB_PATHS,
  AREA_TABS,
  tabLink,
  entityBasePath,
} from './routes';
export type { DataOpsTab } from './routes';
// Building blocks for the SLO and Storage tabs and other per-environment views.
export {
  useDataOpsQueryState,
  useEntityView,
  useEnvironmentOptions,
  TIME_PRESETS,
  DEFAULT_TIME_RANGE,
  parseTimeRange,
  toApiRange,
  resolveTimeRange,
  windowAround,
  describeTimeRange,
} from './hooks';
export type {
  DataOpsQueryState,
  EntityViewResult,
  TimePreset,
  TimeRange,
} from './hooks';
export {
  DataOpsControls,
  EnvironmentSelector,
  TimeRangePicker,
  EnvironmentColumns,
  EnvironmentStatusPanel,
  StatusChip,
  ViewFrame,
} from './components/shared';
export type {
  DataOpsControlsProps,
  EnvironmentSelectorProps,
  TimeRangePickerProps,
  EnvironmentColumnsProps,
} from './components/shared';
export { RequireDataOps } from './components/MissingAnnotation';
export type { RequireDataOpsProps } from './components/MissingAnnotation';
export {
  formatValue,
  formatDuration,
  axisFormatter,
  unitLabel,
  unitKind,
  axisDomainMax,
} from './format';
export type { UnitKind } from './format';
export { OverviewMatrix } from './components/ObservabilityTab';
export { AlertList } from './components/AlertsCard';
export { TeamAlertsList, IncidentsSummary } from './components/TeamAlertsCard';
export type { EntityDataOpsTeamAlertsCardProps } from './components/TeamAlertsCard';
export { MetricChart } from './components/MetricsTab';
export {
  StorageView,
  StorageCheckCard,
  isDataOpsStorageAvailable,
  ANNOTATION_STORAGE,
  ANNOTATION_ICEBERG_TABLE,
} from './components/StorageTab';
