export { buildAlerts, RECURRING_ALERTS, recurringFiringMinutes } from './buildAlerts';
export type { SandboxAlert, SandboxSilence } from './buildAlerts';
export { createAlertmanagerRouter } from './createAlertmanagerRouter';
