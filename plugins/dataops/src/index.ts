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
  EntityDataOpsRunsContent,
  EntityDataOpsAlertsCard,
  EntityDataOpsPipelineCard,
  EntityDataOpsTeamAlertsCard,
  EntityDataOpsTeamReportCard,
  DataOpsInventoryPage,
  DataOpsFleetPage,
  DataOpsEnvironmentPickerFieldExtension,
} from './plugin';
export {
  DataOpsEnvironmentPicker,
  DataOpsEnvironmentPickerFieldSchema,
} from './scaffolder';
export type { DataOpsEnvironmentPickerProps } from './scaffolder';
export type { EntityDataOpsTeamAlertsCardProps } from './components/TeamAlertsCard';
export type { EntityDataOpsTeamReportCardProps } from './components/TeamReport';
export {
  dataOpsObservabilityRouteRef,
  dataOpsMetricsRouteRef,
  dataOpsLogsRouteRef,
  dataOpsDeploymentsRouteRef,
  dataOpsSloRouteRef,
  dataOpsStorageRouteRef,
  dataOpsRunsRouteRef,
  dataOpsInventoryRouteRef,
  dataOpsFleetRouteRef,
} from './routes';
export {
  isDataOpsAvailable,
  isDataOpsMetricsAvailable,
  isDataOpsLogsAvailable,
  isDataOpsDeploymentsAvailable,
  isDataOpsSloAvailable,
  isDataOpsStorageAvailable,
  isDataOpsRunsAvailable,
} from './annotations';
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
  TeamReportQuery,
  TeamReportResponse,
  InventoryQuery,
  PipelineQuery,
} from './api';
