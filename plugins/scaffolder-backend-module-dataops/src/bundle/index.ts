export { buildBundleSpec, WORKLOAD_TYPES } from './buildBundleSpec';
export type { MonitoringBundleInput } from './buildBundleSpec';
export { renderBundle, buildPrometheusRule } from './renderBundle';
export {
  buildLayerAlerts,
  DEFAULT_THRESHOLDS,
  layerAlertExpression,
  thresholdsFor,
} from './layerAlerts';
export type {
  GeneratedFile,
  LayerThresholds,
  MonitoringBundleSpec,
  WorkloadType,
} from './types';
