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
import {
  failedJob,
  failedStage,
  sparkApplication,
} from '../../sources/sparkHistory/__testUtils__/sparkAnswers';

const NOW = Date.parse('2026-12-05T12:00:00Z');
const MIN = 60_000;
const HOSTILE = 'etl/../../x?limit=1#';

function job(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'spark-job', owner: 'sales-data', lifecycle: 'production' },
  };
}

const entities = [
  job('daily-sales-etl', { 'dataops.io/run-sla': '30m' }),
  job('hostile', { 'dataops.io/spark-app-name': HOSTILE }),
];

const apps = [
  sparkApplication({
    id: 'app-3',
    name: 'daily-sales-etl',
    startMs: NOW - 10 * MIN,
  }),
  sparkApplication({
    id: 'app-2',
    name: 'daily-sales-etl',
    startMs: NOW - 120 * MIN,
    endMs: NOW - 100 * MIN,
    attempts: 2,
  }),
  sparkApplication({
    id: 'app-1',
    name: 'daily-sales-etl',
    startMs: NOW - 240 * MIN,
    endMs: NOW - 190 * MIN,
  }),
  sparkApplication({
    id: 'other',
    name: 'clickstream',
    startMs: NOW - 30 * MIN,
    endMs: NOW - 20 * MIN,
  }),
  sparkApplication({
    id: 'app-h',
    name: HOSTILE,
    startMs: NOW - 30 * MIN,
    endMs: NOW - 20 * MIN,
  }),
];

describe('runs view for Spark jobs', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const urls: string[] = [];

  beforeEach(() => {
    urls.length = 0;
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
    server.use(
      http.all(/^http:\/\/127\.0\.0\.1:\d+\/api\/dataops\//, () =>
        passthrough(),
      ),
      http.get('http://shs-dev.test/api/v1/applications', () =>
        HttpResponse.json({ message: 'down' }, { status: 503 }),
      ),
      http.get('http://shs-prod.test/*', ({ request: upstream }) => {
        const url = new URL(upstream.url);
        urls.push(`${url.pathname}${url.search}`);
        if (url.pathname === '/api/v1/applications')
          return HttpResponse.json(apps);
        if (url.pathname === '/api/v1/applications/app-2/2/jobs') {
          return HttpResponse.json([
            failedJob(4, 'save at DailySalesEtl.scala:42'),
          ]);
        }
        if (url.pathname === '/api/v1/applications/app-2/2/stages') {
          return HttpResponse.json([
            failedStage(
              7,
              'save at DailySalesEtl.scala:42',
              'Task 3 in stage 7.0 failed 4 times\nstack',
            ),
          ]);
        }
        return HttpResponse.json([]);
      }),
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
              environments: [
                { name: 'dev', sparkHistory: { url: 'http://shs-dev.test' } },
                {
                  name: 'prod',
                  sparkHistory: {
                    url: 'http://shs-prod.test',
                    uiUrl: 'https://spark.example',
                  },
                },
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
      `/api/dataops/v1/entity/default/component/${name}/runs?from=${new Date(
        NOW - 6 * 60 * MIN,
      ).toISOString()}&to=${new Date(NOW).toISOString()}`,
    );
    return Object.fromEntries(
      res.body.environments.map((e: any) => [e.env, e]),
    );
  };

  it('lists the applications of the job with outcome, attempts, SLA level and the failed stage', async () => {
    const app = await start();
    const envs = await get(app, 'daily-sales-etl');
    expect(envs.dev).toMatchObject({
      status: 'error',
      error: { source: 'sparkHistory', statusCode: 503 },
    });
    const prod = envs.prod.data;
    expect(prod).toMatchObject({
      source: 'spark-history',
      identity: 'daily-sales-etl',
      totalInRange: 3,
    });
    expect(
      prod.runs.map((r: any) => [
        r.id,
        r.state,
        r.level,
        r.durationSeconds,
        r.durationLevel,
        r.attempts,
      ]),
    ).toEqual([
      ['app-3', 'running', 'unknown', 600, 'healthy', undefined],
      ['app-2', 'failed', 'critical', 1200, 'healthy', 2],
      ['app-1', 'succeeded', 'healthy', 3000, 'critical', undefined],
    ]);
    expect(prod.runs[1].url).toBe(
      'https://spark.example/history/app-2/2/jobs/',
    );
    expect(prod.runs[1].failedTasks).toEqual([
      {
        kind: 'stage',
        taskId: 'stage 7.0',
        state: 'failed',
        level: 'critical',
        name: 'save at DailySalesEtl.scala:42',
        reason: 'Task 3 in stage 7.0 failed 4 times',
        failedTaskCount: 4,
        url: 'https://spark.example/history/app-2/2/stages/stage/?id=7&attempt=0',
      },
      expect.objectContaining({
        kind: 'job',
        taskId: 'job 4',
        failedTaskCount: 4,
      }),
    ]);
    // Jobs of each completed application, stages of the failed one; none for the running one.
    expect(
      urls.filter(u => !u.startsWith('/api/v1/applications?')).sort(),
    ).toEqual([
      '/api/v1/applications/app-1/1/jobs?status=failed',
      '/api/v1/applications/app-2/2/jobs?status=failed',
      '/api/v1/applications/app-2/2/stages?status=failed',
    ]);
  });

  it('matches a hostile application name by equality and never sends it', async () => {
    const app = await start();
    const prod = (await get(app, 'hostile')).prod.data;
    expect(prod.runs.map((r: any) => r.id)).toEqual(['app-h']);
    expect(urls.join(' ')).not.toContain('etl/');
    expect(urls.join(' ')).not.toContain('limit=1');
  });
});
