import { startTestBackend } from '@backstage/backend-test-utils';
import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import argocdPeerPlugin from '@backstage-community/plugin-argocd-backend';
import dataopsPlugin from '@dataops-observability/plugin-dataops-backend';

/** The environments both plugins see, each with one Argo CD instance of the same name in both configs. */
export interface ArgoInstance {
  env: string;
  /** e.g. `prod-argocd`. */
  name: string;
  url: string;
  token: string;
}

export interface ComparisonBackend {
  url: string;
  stop(): Promise<void>;
}

/**
 * One backend with both plugins, so they share the process, the event loop and the HTTP stack: the DataOps
 * backend (only Argo CD configured per environment) and `@backstage-community/plugin-argocd-backend` with
 * the same instances under `argocd.appLocatorMethods`.
 */
export async function startComparisonBackend(options: {
  instances: ArgoInstance[];
  entities: Entity[];
}): Promise<ComparisonBackend> {
  const { instances, entities } = options;
  const backend = await startTestBackend({
    features: [
      dataopsPlugin,
      argocdPeerPlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: {
          backend: {
            database: { client: 'better-sqlite3', connection: ':memory:' },
          },
          dataops: {
            environments: instances.map(i => ({
              name: i.env,
              argocd: [{ name: i.name, url: i.url, token: i.token }],
            })),
          },
          argocd: {
            appLocatorMethods: [
              {
                type: 'config',
                instances: instances.map(i => ({
                  name: i.name,
                  url: i.url,
                  token: i.token,
                })),
              },
            ],
          },
        },
      }),
    ],
  });
  const address = backend.server.address();
  if (!address || typeof address === 'string') {
    throw new Error('the comparison backend has no TCP address');
  }
  return {
    url: `http://127.0.0.1:${address.port}`,
    stop: () => backend.stop(),
  };
}
