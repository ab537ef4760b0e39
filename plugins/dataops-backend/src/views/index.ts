export { ViewRegistry } from './registry';
export { createSummaryView } from './summary';
export { createMetricsView, resolvePanels } from './metrics';
export { createLogsView } from './logs';
export { createDeploymentsView } from './deployments';
export { createAlertsView } from './alerts';
export { createStorageView } from './storage';
export { createSloView } from './slo';
export type { ViewDependencies } from './shared';
