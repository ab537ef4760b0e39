export { buildBundleSpec, WORKLOAD_TYPES } from './buildBundleSpec';
export type {
  MonitoringBundleInput,
  MonitoringBundleOptions,
} from './buildBundleSpec';
export { renderBundle, buildPrometheusRule } from './renderBundle';
export type { RenderBundleOptions } from './renderBundle';
export {
  buildLayerAlerts,
  DEFAULT_THRESHOLDS,
  layerAlertExpression,
  thresholdsFor,
} from './layerAlerts';
export { buildStorageAlerts, STORAGE_ALERT_CHECK_IDS } from './storageAlerts';
export type {
  StorageAlertThresholds,
  StorageCheckSettings,
} from './storageAlerts';
export { buildRunSlaAlerts } from './runSlaAlerts';
export {
  argoApplicationName,
  buildArgoApplication,
} from './buildArgoApplication';
export { appSelectorLabels, buildEntityAnnotations } from './entityAnnotations';
export type { EntityAnnotations } from './entityAnnotations';
export type {
  ArgoApplicationSettings,
  GeneratedFile,
  LayerThresholds,
  MonitoringBundleSpec,
  WorkloadType,
} from './types';
