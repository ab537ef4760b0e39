import {
  mockServices,
  registerMswTestHooks,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { http, HttpResponse, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import request from 'supertest';
import { dataopsPlugin } from '../../plugin';
import { loadTableFixture } from '../../__testUtils__';
import { createRunsView } from './runsView';

const NOW = Date.parse('2026-12-05T12:00:00Z');
const MIN = 60_000;

function table(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'iceberg-table', owner: 'sales-data' },
  };
}

const entities = [
  table('daily-orders', { 'dataops.io/iceberg-table': 'sales.daily_orders' }),
  table('hostile', { 'dataops.io/iceberg-table': 'sales.../../x' }),
];

describe('runs view for Iceberg tables', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const paths: string[] = [];

  beforeEach(() => {
    paths.length = 0;
    jest.useFakeTimers({
      now: NOW,
      doNotFake: [
        'setTimeout',
        'setInterval',
        'setImmediate',
        'clearTimeout',
        'clearInterval',
        'nextTick',
        'queueMicrotask',
        'performance',
      ],
    });
    const catalog = (env: string, lastCommitMs: number) => [
      http.get(`http://iceberg-${env}.test/v1/config`, () =>
        HttpResponse.json({ defaults: {}, overrides: { prefix: env } }),
      ),
      http.get(
        `http://iceberg-${env}.test/v1/:prefix/namespaces/:ns/tables/:t`,
        ({ request: upstream }) => {
          paths.push(new URL(upstream.url).pathname);
          return HttpResponse.json(
            loadTableFixture({
              count: 40,
              intervalMs: 10 * MIN,
              lastCommitMs,
              summary: {
                'added-records': '5000',
                'deleted-records': '0',
                'added-data-files': '3',
                'deleted-data-files': '0',
              },
            }),
          );
        },
      ),
    ];
    server.use(
      http.all(/^http:\/\/127\.0\.0\.1:\d+\/api\/dataops\//, () =>
        passthrough(),
      ),
      ...catalog('dev', NOW - 5 * MIN),
      ...catalog('prod', NOW - 150 * MIN),
    );
  });

  afterEach(() => jest.useRealTimers());

  async function start() {
    const { server: app } = await startTestBackend({
      features: [
        dataopsPlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({
          data: {
            dataops: {
              storage: { freshnessTargetSeconds: 3600 },
              environments: [
                { name: 'dev', iceberg: { url: 'http://iceberg-dev.test' } },
                { name: 'prod', iceberg: { url: 'http://iceberg-prod.test' } },
              ],
            },
          },
        }),
      ],
    });
    return app;
  }

  const get = async (app: any, name: string) => {
    const res = await request(app).get(
      `/api/dataops/v1/entity/default/resource/${name}/runs?from=${new Date(
        NOW - 60 * MIN,
      ).toISOString()}&to=${new Date(NOW).toISOString()}`,
    );
    return Object.fromEntries(
      res.body.environments.map((e: any) => [e.env, e]),
    );
  };

  it('lists the commits of the range newest first and judges freshness against the target', async () => {
    const app = await start();
    const envs = await get(app, 'daily-orders');
    const dev = envs.dev.data;
    expect(dev).toMatchObject({
      source: 'iceberg',
      identity: 'sales.daily_orders',
      totalInRange: 6,
    });
    expect(dev.runs[0]).toEqual({
      id: '1039',
      state: 'append',
      level: 'healthy',
      startedAt: new Date(NOW - 5 * MIN).toISOString(),
      endedAt: new Date(NOW - 5 * MIN).toISOString(),
      durationLevel: 'unknown',
      addedRecords: 5000,
      deletedRecords: 0,
      addedFiles: 3,
      deletedFiles: 0,
    });
    expect(dev.freshness).toEqual({
      lastCommitAt: new Date(NOW - 5 * MIN).toISOString(),
      ageSeconds: 300,
      targetSeconds: 3600,
      level: 'healthy',
    });
    // prod's newest commit is 2.5 h old: beyond twice the target, and none in the range.
    expect(envs.prod.data.runs).toEqual([]);
    expect(envs.prod.data.freshness).toMatchObject({
      ageSeconds: 9000,
      level: 'critical',
    });
    expect([...paths].sort()).toEqual([
      '/v1/dev/namespaces/sales/tables/daily_orders',
      '/v1/prod/namespaces/sales/tables/daily_orders',
    ]);
  });

  it('reports a table name that could change the path as a bad annotation, before any request', async () => {
    const app = await start();
    const envs = await get(app, 'hostile');
    expect(envs.dev.error).toMatchObject({
      type: 'BAD_ANNOTATION',
      source: 'iceberg',
    });
    expect(envs.dev.error.message).toMatch(/^dataops.io\/iceberg-table: /);
    expect(paths).toEqual([]);
  });

  it('summarises a table by the age of its newest commit', () => {
    const view = createRunsView({
      config: { storage: { freshnessTargetSeconds: 3600 } },
    } as unknown as Parameters<typeof createRunsView>[0]);
    expect(
      view.summarize!({
        source: 'iceberg',
        identity: 't',
        runs: [],
        totalInRange: 0,
        freshness: {
          lastCommitAt: '',
          ageSeconds: 5400,
          targetSeconds: 3600,
          level: 'warning',
        },
      }),
    ).toEqual({
      level: 'warning',
      reason: 'last commit 90 min ago (target 60 min)',
    });
  });
});
