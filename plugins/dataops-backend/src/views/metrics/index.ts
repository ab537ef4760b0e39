export { createMetricsView } from './metricsView';
export { DEFAULT_PANELS } from './defaultPanels';
export { resolvePanels } from './resolvePanels';
