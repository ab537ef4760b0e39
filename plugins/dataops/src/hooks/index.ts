export * from './timeRange';
export * from './useDataOpsQueryState';
export * from './useEntityView';
export * from './useEnvironmentOptions';
export { useEntityName } from './useEntityName';
export { AUTO_REFRESH_CHOICES, autoRefreshLabel } from './autoRefresh';
