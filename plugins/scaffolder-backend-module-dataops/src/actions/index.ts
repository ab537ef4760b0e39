export { createMonitoringRenderAction } from './render';
export { createCatalogAnnotateAction } from './annotate';
