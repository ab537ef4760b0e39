export { createMonitoringRenderAction } from './render';
export type { MonitoringRenderActionOptions } from './render';
export { createCatalogAnnotateAction } from './annotate';
export type { CatalogAnnotateActionOptions } from './annotate';
