export { createAlertRouter } from './createAlertRouter';
export type { AlertRouterOptions } from './createAlertRouter';
