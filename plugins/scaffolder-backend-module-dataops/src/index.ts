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
export {
  buildBundleSpec,
  buildPrometheusRule,
  renderBundle,
  DEFAULT_THRESHOLDS,
  layerAlertExpression,
} from './bundle';
export type {
  GeneratedFile,
  LayerThresholds,
  MonitoringBundleInput,
  MonitoringBundleSpec,
  WorkloadType,
} from './bundle';
export { annotateCatalogFile, createCatalogFile } from './catalogFile';
export type { AnnotateResult, EntitySelector } from './catalogFile';
