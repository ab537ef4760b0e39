export { AlertmanagerClient } from './AlertmanagerClient';
export type { AlertmanagerConfig } from './readAlertmanagerConfig';
export { alertmanagerSource } from './alertmanagerSource';
