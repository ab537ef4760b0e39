/**
 * Scaffolder actions that onboard a Spark job, Airflow DAG or Iceberg table to monitoring:
 * `dataops:monitoring:render` and `dataops:catalog:annotate`.
 *
 * @packageDocumentation
 */
export { scaffolderModuleDataOps as default } from './module';
export {
  createCatalogAnnotateAction,
  createMonitoringRenderAction,
} from './actions';
export type {
  CatalogAnnotateActionOptions,
  MonitoringRenderActionOptions,
} from './actions';
export {
  buildBundleSpec,
  buildEntityAnnotations,
  buildPrometheusRule,
  buildRunSlaAlerts,
  buildStorageAlerts,
  renderBundle,
  DEFAULT_THRESHOLDS,
  layerAlertExpression,
} from './bundle';
export type {
  ArgoApplicationSettings,
  EntityAnnotations,
  GeneratedFile,
  LayerThresholds,
  MonitoringBundleInput,
  MonitoringBundleOptions,
  MonitoringBundleSpec,
  RenderBundleOptions,
  StorageAlertThresholds,
  StorageCheckSettings,
  WorkloadType,
} from './bundle';
export { readStorageCheckSettings } from './config';
export { annotateCatalogFile, createCatalogFile } from './catalogFile';
export type { AnnotateResult, EntitySelector } from './catalogFile';
