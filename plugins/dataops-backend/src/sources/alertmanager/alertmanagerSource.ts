import { createDataOpsSource } from '@dataops-observability/plugin-dataops-node';
import { AlertmanagerClient } from './AlertmanagerClient';
import { readAlertmanagerConfig } from './readAlertmanagerConfig';

/** `alertmanager`: live alerts for the `alerts` view, the team routes and the alert poller. */
export const alertmanagerSource = createDataOpsSource({
  id: 'alertmanager',
  readConfig: readAlertmanagerConfig,
  createClient: (config, { timeoutMs, maxResponseBytes }) =>
    new AlertmanagerClient(config, timeoutMs, maxResponseBytes),
});
