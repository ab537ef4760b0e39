import { loadConfigSchema } from '@backstage/config-loader';
import type { JsonObject } from '@backstage/types';

/**
 * Backstage redacts from its logs every config value its schema marks `@visibility secret`, and sends to
 * the browser only values marked `frontend`. These tests load the plugin's real `config.d.ts` the way a
 * backend does and check what falls on each side.
 */

const SECRETS = {
  thanosHeader: 'Bearer thanos-secret-1',
  thanosCustomHeader: 'custom-secret-2',
  alertmanagerHeader: 'Basic YWxlcnQ6c2VjcmV0LTM=',
  opensearchPassword: 'os-secret-4',
  argocdToken: 'argo-token-5',
  argocdPassword: 'argo-password-6',
  icebergToken: 'iceberg-token-7',
  sharedArgoToken: 'shared-argo-token-8',
  sharedArgoPassword: 'shared-argo-password-9',
};

const config: JsonObject = {
  argocd: {
    username: 'shared-user',
    password: SECRETS.sharedArgoPassword,
    appLocatorMethods: [
      {
        type: 'config',
        instances: [
          {
            name: 'main',
            url: 'http://argocd.example',
            token: SECRETS.sharedArgoToken,
          },
        ],
      },
    ],
  },
  dataops: {
    environments: [
      {
        name: 'prod',
        thanos: {
          url: 'http://thanos.example',
          headers: {
            Authorization: SECRETS.thanosHeader,
            'X-Scope-OrgID': SECRETS.thanosCustomHeader,
          },
        },
        alertmanager: {
          url: 'http://alertmanager.example',
          headers: { Authorization: SECRETS.alertmanagerHeader },
        },
        opensearch: {
          url: 'http://opensearch.example',
          username: 'reader',
          password: SECRETS.opensearchPassword,
          allowedIndexPatterns: ['logs-*'],
        },
        argocd: [
          {
            name: 'own',
            url: 'http://argocd.example',
            token: SECRETS.argocdToken,
          },
          {
            name: 'login',
            url: 'http://argocd2.example',
            username: 'u',
            password: SECRETS.argocdPassword,
          },
          { name: 'main' },
        ],
        iceberg: { url: 'http://iceberg.example', token: SECRETS.icebergToken },
      },
    ],
  },
};

function stringsIn(data: unknown): Set<string> {
  const found = new Set<string>();
  JSON.parse(JSON.stringify(data ?? {}), (_key, value) => {
    if (typeof value === 'string') {
      found.add(value);
    }
    return value;
  });
  return found;
}

async function valuesWithVisibility(
  dependencies: string[],
  visibility: 'secret' | 'frontend',
): Promise<Set<string>> {
  const schema = await loadConfigSchema({ dependencies });
  const [processed] = schema.process([{ data: config, context: 'test' }], {
    visibility: [visibility],
    ignoreSchemaErrors: true,
  });
  return stringsIn(processed.data);
}

describe('config schema', () => {
  it('marks every credential secret, header values included, and nothing else', async () => {
    const secrets = await valuesWithVisibility(
      ['@dataops-observability/plugin-dataops-backend'],
      'secret',
    );
    expect([...secrets].sort()).toEqual(Object.values(SECRETS).sort());
  }, 60_000);

  it('sends only environment and Argo CD instance names to the browser', async () => {
    const frontend = await valuesWithVisibility(
      ['@dataops-observability/plugin-dataops-backend'],
      'frontend',
    );
    expect([...frontend].sort()).toEqual(['login', 'main', 'own', 'prod']);
  }, 60_000);

  it('merges with the community Argo CD plugin schema without a visibility conflict', async () => {
    const secrets = await valuesWithVisibility(
      [
        '@dataops-observability/plugin-dataops-backend',
        '@backstage-community/plugin-argocd-backend',
      ],
      'secret',
    );
    for (const secret of Object.values(SECRETS)) {
      expect(secrets).toContain(secret);
    }
  }, 60_000);
});
