import { createDataOpsSource } from '@dataops-observability/plugin-dataops-node';
import { ArgoCdClient } from './ArgoCdClient';
import { readArgoCdConfig } from './readArgoCdConfig';

/**
 * `argocd`: the Argo CD instances of an environment (one client each), for the `deployments` view.
 * `GET /v1/environments` also lists their names, so the frontend can label applications by instance.
 */
export const argocdSource = createDataOpsSource({
  id: 'argocd',
  readConfig: readArgoCdConfig,
  createClient: (instances, { timeoutMs, maxResponseBytes }) =>
    instances.map(i => new ArgoCdClient(i, timeoutMs, maxResponseBytes)),
  environmentInfo: instances => ({
    argocdInstances: (instances ?? []).map(i => i.name),
  }),
});
