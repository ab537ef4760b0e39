/* eslint-disable no-script-url -- these tests feed script URLs on purpose, to show they never become links */
import type { Entity } from '@backstage/catalog-model';
import { mockServices } from '@backstage/backend-test-utils';
import type { DataOpsViewContext } from '@dataops-observability/plugin-dataops-node';
import { readConfigWithSources } from '../../__testUtils__/readConfigWithSources';
import type { ArgoCdInstanceConfig } from '../../sources';
import type { ViewDependencies } from '../shared';
import { createDeploymentsView } from './deploymentsView';

const sha = '0123456789abcdef0123456789abcdef01234567';
const older = 'fedcba9876543210fedcba9876543210fedcba98';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'daily-sales-etl',
    annotations: { 'argocd/app-name': 'daily-sales-etl' },
  },
  spec: { type: 'spark-job' },
};

function application(repoURL: string) {
  return {
    metadata: { name: 'daily-sales-etl', namespace: 'argocd' },
    spec: { project: 'sales', source: { repoURL } },
    status: {
      sync: { status: 'Synced', revision: sha },
      health: { status: 'Healthy' },
      history: [
        { id: 1, revision: older, deployedAt: '2026-12-05T10:00:00Z' },
        { id: 2, revision: sha, deployedAt: '2026-12-06T10:00:00Z' },
      ],
    },
  };
}

function instanceConfig(item: Record<string, unknown>): ArgoCdInstanceConfig {
  const { sources } = readConfigWithSources({
    dataops: {
      environments: [
        {
          name: 'prod',
          argocd: [
            {
              name: 'prod-argocd',
              url: 'https://argocd-api.example',
              token: 't',
              ...item,
            },
          ],
        },
      ],
    },
  });
  return sources.config<ArgoCdInstanceConfig[]>('prod', 'argocd')![0];
}

function run(config: ArgoCdInstanceConfig, repoURL: string) {
  const client = {
    name: config.name,
    config,
    getApplication: jest.fn(async () => application(repoURL)),
    listApplications: jest.fn(async () => []),
  };
  return createDeploymentsView({
    cache: mockServices.cache.mock(),
  } as unknown as ViewDependencies).run({
    entity,
    env: { name: 'prod' },
    signal: new AbortController().signal,
    source: () => [client],
  } as unknown as DataOpsViewContext);
}

describe('deployments view links', () => {
  it('links the application (API URL by default) and its commits', async () => {
    const { applications } = await run(
      instanceConfig({}),
      'https://github.com/acme/sales-etl.git',
    );
    const [app] = applications;
    expect(app.appUrl).toBe(
      'https://argocd-api.example/applications/argocd/daily-sales-etl',
    );
    expect(app.commitUrl).toBe(
      `https://github.com/acme/sales-etl/commit/${sha}`,
    );
    expect(app.history.map(h => h.commitUrl)).toEqual([
      `https://github.com/acme/sales-etl/commit/${sha}`,
      `https://github.com/acme/sales-etl/commit/${older}`,
    ]);
  });

  it('uses the configured uiUrl and commit template', async () => {
    const { applications } = await run(
      instanceConfig({
        uiUrl: 'https://argocd.example',
        commitUrlTemplate:
          'https://gitea.example/{{repoPath}}/commit/{{revision}}',
      }),
      'git@gitea.example:data/sales-etl.git',
    );
    expect(applications[0].appUrl).toBe(
      'https://argocd.example/applications/argocd/daily-sales-etl',
    );
    expect(applications[0].commitUrl).toBe(
      `https://gitea.example/data/sales-etl/commit/${sha}`,
    );
  });

  it('sends no commit link for an unknown Git host', async () => {
    const { applications } = await run(
      instanceConfig({}),
      'https://git.internal.example/data/sales-etl.git',
    );
    expect(applications[0]).not.toHaveProperty('commitUrl');
    expect(applications[0].history[0]).not.toHaveProperty('commitUrl');
  });

  it('refuses a uiUrl that is not http(s) at start-up', () => {
    expect(() => instanceConfig({ uiUrl: 'javascript:alert(1)' })).toThrow(
      "argocd[0] 'prod-argocd'.uiUrl must be an http or https URL",
    );
  });
});
