export { AlertmanagerClient } from './AlertmanagerClient';
export {
  AlertmanagerTopology,
  alertmanagerUpstreamKey,
} from './AlertmanagerTopology';
export type { AlertmanagerUpstream } from './AlertmanagerTopology';
export type { AlertmanagerConfig } from './readAlertmanagerConfig';
export {
  DEFAULT_ENV_LABEL,
  DEFAULT_IDENTIFYING_LABELS,
} from './readAlertmanagerConfig';
export { alertmanagerSource } from './alertmanagerSource';
