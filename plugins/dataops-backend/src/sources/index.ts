export { BUILT_IN_SOURCES } from './builtInSources';
export { EnvironmentSources } from './EnvironmentSources';
export type { SourceRef } from './EnvironmentSources';
export { SourceRegistry } from './SourceRegistry';
export {
  AlertmanagerClient,
  AlertmanagerTopology,
  alertmanagerSource,
} from './alertmanager';
export type { AlertmanagerConfig } from './alertmanager';
export { ArgoCdClient, argocdSource } from './argocd';
export type { ArgoCdInstanceConfig } from './argocd';
export {
  IcebergRestClient,
  IcebergTableNameError,
  icebergSource,
  parseTableIdentifier,
} from './iceberg';
export type {
  IcebergCatalogConfig,
  IcebergTableIdentifier,
  IcebergTableStats,
} from './iceberg';
export {
  MAX_PAGE_SIZE,
  OpenSearchLogsClient,
  buildLogSearchBody,
  opensearchSource,
} from './opensearch';
export type {
  LogSearchFields,
  LogSearchHit,
  LogSearchRequest,
  LogSearchResult,
  OpenSearchConfig,
} from './opensearch';
export { PrometheusClient, thanosSource } from './thanos';
export type { PrometheusResult, ThanosConfig } from './thanos';
