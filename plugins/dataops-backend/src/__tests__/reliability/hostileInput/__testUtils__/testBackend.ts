import type {
  BackendFeature,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ENTITY_VIEWS } from '@dataops-observability/plugin-dataops-common';
import { dataopsPlugin } from '../../../../plugin';
import { upstreamUrl } from './recordingUpstreams';

/** The built-in views, each reachable at `/v1/entity/:namespace/:kind/:name/<view>`. */
export const VIEW_NAMES: string[] = [...ENTITY_VIEWS];

/** Views with no cache, so every request reaches the stand-ins and can be checked. */
const NO_CACHE = Object.fromEntries(VIEW_NAMES.map(v => [v, 0]));

/** Secrets of {@link dataopsTestConfig}; each suite passes its own distinctive values. */
export interface TestSecrets {
  opensearchPassword: string;
  argocdToken: string;
  argocdPassword: string;
  thanosAuthorization: string;
  icebergToken: string;
}

/**
 * Two environments with every upstream pointed at the recording stand-ins: `dev` with a static Argo CD
 * token, `prod` logging in to Argo CD with a password (so a session token is in play).
 */
export function dataopsTestConfig(secrets: TestSecrets) {
  const env = (name: string, indexPatterns: string[], argocd: object) => ({
    name,
    timeoutMs: 5000,
    thanos: {
      url: upstreamUrl('thanos', name),
      extraSelector: `env="${name}"`,
      headers: { Authorization: secrets.thanosAuthorization },
    },
    opensearch: {
      url: upstreamUrl('opensearch', name),
      allowedIndexPatterns: indexPatterns,
      username: 'dataops-reader',
      password: secrets.opensearchPassword,
    },
    argocd: [
      { name: `${name}-argocd`, url: upstreamUrl('argocd', name), ...argocd },
    ],
    alertmanager: { url: upstreamUrl('alertmanager', name) },
    iceberg: { url: upstreamUrl('iceberg', name), token: secrets.icebergToken },
  });
  return {
    dataops: {
      alertPoller: { enabled: false },
      cacheTtlSeconds: NO_CACHE,
      environments: [
        env('dev', ['logs-*'], { token: secrets.argocdToken }),
        env('prod', ['logs-prod-*', 'audit-*'], {
          username: 'admin',
          password: secrets.argocdPassword,
        }),
      ],
    },
  };
}

/**
 * Starts the plugin on a test backend whose catalog serves whatever `entity()` returns at the time of
 * the request, so one backend serves thousands of generated entities.
 */
export async function startDataOpsBackend(options: {
  config: object;
  entity: () => Entity;
  /** Whether the catalog lets these credentials read the entity; everyone may when absent. */
  visibleTo?: (credentials: BackstageCredentials | undefined) => boolean;
  extraFeatures?: BackendFeature[];
}) {
  const catalog = catalogServiceMock.mock({
    getEntityByRef: async (ref, request) => {
      if (
        options.visibleTo &&
        !options.visibleTo(
          (request as { credentials?: BackstageCredentials })?.credentials,
        )
      ) {
        return undefined;
      }
      const current = options.entity();
      const wanted =
        typeof ref === 'string'
          ? ref
          : `${ref.kind}:${ref.namespace ?? 'default'}/${ref.name}`;
      const own = `${current.kind}:${current.metadata.namespace ?? 'default'}/${
        current.metadata.name
      }`;
      return wanted.toLowerCase() === own.toLowerCase() ? current : undefined;
    },
  });
  const { server } = await startTestBackend({
    features: [
      dataopsPlugin,
      catalog.factory,
      mockServices.rootConfig.factory({ data: options.config }),
      ...(options.extraFeatures ?? []),
    ],
  });
  return server;
}
