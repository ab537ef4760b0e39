export { EnvironmentClients } from './EnvironmentClients';
export { PrometheusClient } from './prometheus';
export type { PrometheusResult } from './prometheus';
export {
  MAX_PAGE_SIZE,
  OpenSearchLogsClient,
  buildLogSearchBody,
} from './opensearch';
export type {
  LogSearchFields,
  LogSearchRequest,
  LogSearchResult,
} from './opensearch';
export { ArgoCdClient } from './argocd';
export { AlertmanagerClient } from './alertmanager';
export {
  IcebergRestClient,
  IcebergTableNameError,
  parseTableIdentifier,
} from './iceberg';
export type { IcebergTableIdentifier, IcebergTableStats } from './iceberg';
export { ConcurrencyLimiter, fetchJson, withUpstreamCall } from './http';
