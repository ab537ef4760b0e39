export { createMetricsView } from './metricsView';
export { DEFAULT_PANELS } from './defaultPanels';
export type { PanelDefinition } from './defaultPanels';
export { resolvePanels } from './resolvePanels';
export { runPanel } from './runPanel';
