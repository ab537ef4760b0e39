export { buildAlerts } from './buildAlerts';
export type { SandboxAlert, SandboxSilence } from './buildAlerts';
export { createAlertmanagerRouter } from './createAlertmanagerRouter';
