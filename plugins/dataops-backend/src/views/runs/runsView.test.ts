import {
  mockServices,
  registerMswTestHooks,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { http, HttpResponse, delay, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import request from 'supertest';
import { dataopsPlugin } from '../../plugin';
import {
  airflowError,
  dagRunCollection,
  taskInstanceCollection,
} from '../../sources/airflow/__testUtils__/airflowAnswers';

const NOW = Date.parse('2026-12-05T12:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const MIN = 60_000;

function dag(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'airflow-dag', owner: 'sales-data', lifecycle: 'production' },
  };
}

const entities = [
  dag('sales-daily-pipeline', {
    'dataops.io/airflow-dag-id': 'sales_daily_pipeline',
    'dataops.io/run-sla': '45m',
    'dataops.io/run-sla.prod': '30m',
  }),
  dag('named-by-entity', {}),
  dag('bad-sla', {
    'dataops.io/airflow-dag-id': 'x',
    'dataops.io/run-sla.prod': 'soon',
  }),
  dag('hostile', { 'dataops.io/airflow-dag-id': '../../variables' }),
  {
    ...dag('website', {}),
    spec: { type: 'service', owner: 'web', lifecycle: 'production' },
  },
];

/** prod: a run over its SLA + 50%, a failed run with a failing task, one still running past its SLA. */
const prodRuns = dagRunCollection(
  'sales_daily_pipeline',
  [
    {
      runId: 'manual__2026-12-05T11:00:00+00:00',
      state: 'running',
      start: iso(NOW - 40 * MIN),
      runType: 'manual',
    },
    {
      runId: 'scheduled__2026-12-05T02:00:00+00:00',
      state: 'failed',
      start: iso(NOW - 600 * MIN),
      end: iso(NOW - 590 * MIN),
    },
    {
      runId: 'scheduled__2026-12-04T02:00:00+00:00',
      state: 'success',
      start: iso(NOW - 2040 * MIN),
      end: iso(NOW - 1990 * MIN),
    },
    {
      runId: 'scheduled__2026-12-03T02:00:00+00:00',
      state: 'success',
      start: iso(NOW - 3480 * MIN),
      end: iso(NOW - 3460 * MIN),
    },
  ],
  4,
);

describe('runs view', () => {
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
    server.use(
      // The test's own calls to the backend under test go through untouched.
      http.all(/^http:\/\/127\.0\.0\.1:\d+\/api\/dataops\//, () =>
        passthrough(),
      ),
      http.get('http://airflow-dev.test/api/v1/dags/:dag/dagRuns', () =>
        HttpResponse.json(airflowError(503, 'down'), { status: 503 }),
      ),
      http.get(
        'http://airflow-stage.test/api/v1/dags/:dag/dagRuns',
        async () => {
          await delay(2000);
          return HttpResponse.json(dagRunCollection('x', []));
        },
      ),
      http.get(
        'http://airflow-prod.test/api/v1/dags/:dag/dagRuns',
        ({ request: upstreamRequest, params }) => {
          paths.push(new URL(upstreamRequest.url).pathname);
          return HttpResponse.json(
            params.dag === 'sales_daily_pipeline'
              ? prodRuns
              : dagRunCollection(String(params.dag), []),
          );
        },
      ),
      http.get(
        'http://airflow-prod.test/api/v1/dags/:dag/dagRuns/:run/taskInstances',
        ({ request: upstreamRequest, params }) => {
          paths.push(new URL(upstreamRequest.url).pathname);
          return HttpResponse.json(
            taskInstanceCollection(String(params.dag), String(params.run), [
              {
                taskId: 'publish_report',
                state: 'upstream_failed',
                duration: null,
              },
              {
                taskId: 'load_orders',
                state: 'failed',
                tryNumber: 3,
                duration: 412,
                operator: 'SparkSubmitOperator',
              },
            ]),
          );
        },
      ),
    );
  });

  afterEach(() => jest.useRealTimers());

  async function start() {
    const airflow = (env: string) => ({
      url: `http://airflow-${env}.test`,
      token: 'tok-abcdef',
    });
    const { server: app } = await startTestBackend({
      features: [
        dataopsPlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({
          data: {
            dataops: {
              environments: [
                { name: 'dev', airflow: airflow('dev') },
                { name: 'stage', timeoutMs: 300, airflow: airflow('stage') },
                {
                  name: 'prod',
                  airflow: {
                    ...airflow('prod'),
                    uiUrl: 'https://airflow.example/prod',
                  },
                },
                { name: 'qa' },
              ],
            },
          },
        }),
      ],
    });
    return app;
  }

  const get = (app: any, name: string) =>
    request(app).get(
      `/api/dataops/v1/entity/default/component/${name}/runs?from=${iso(
        NOW - 3 * 1440 * MIN,
      )}&to=${iso(NOW)}`,
    );
  const byEnv = (body: any) =>
    Object.fromEntries(body.environments.map((e: any) => [e.env, e]));

  it('answers each environment on its own: down, slow, good and not configured', async () => {
    const app = await start();
    const res = await get(app, 'sales-daily-pipeline');
    expect(res.status).toBe(200);
    const envs = byEnv(res.body);
    expect(envs.dev).toMatchObject({
      status: 'error',
      error: { type: 'UPSTREAM_ERROR', source: 'airflow', statusCode: 503 },
    });
    expect(envs.stage).toMatchObject({
      status: 'error',
      error: { type: 'UPSTREAM_TIMEOUT', source: 'airflow' },
    });
    expect(envs.qa).toEqual({
      env: 'qa',
      status: 'not-configured',
      source: 'airflow',
    });
    expect(envs.prod.status).toBe('ok');
    expect(JSON.stringify(res.body)).not.toContain('tok-abcdef');
  });

  it('judges state and duration against the per-environment SLA, and explains the failed run', async () => {
    const app = await start();
    const prod = byEnv((await get(app, 'sales-daily-pipeline')).body).prod.data;
    expect(prod.sla).toEqual({
      seconds: 1800,
      annotation: 'dataops.io/run-sla.prod',
      thresholds: { direction: 'above', warning: 1800, critical: 2700 },
    });
    expect(prod.identity).toBe('sales_daily_pipeline');
    expect(prod.totalInRange).toBe(4);
    expect(prod.url).toBe(
      'https://airflow.example/prod/dags/sales_daily_pipeline/grid',
    );
    expect(
      prod.runs.map((r: any) => [
        r.state,
        r.level,
        r.durationSeconds,
        r.durationLevel,
        r.ongoing ?? false,
      ]),
    ).toEqual([
      ['running', 'unknown', 2400, 'warning', true],
      ['failed', 'critical', 600, 'healthy', false],
      ['success', 'healthy', 3000, 'critical', false],
      ['success', 'healthy', 1200, 'healthy', false],
    ]);
    const failed = prod.runs[1];
    expect(failed.url).toBe(
      'https://airflow.example/prod/dags/sales_daily_pipeline/grid?dag_run_id=scheduled__2026-12-05T02%3A00%3A00%2B00%3A00',
    );
    expect(failed.failedTasks).toEqual([
      {
        taskId: 'load_orders',
        state: 'failed',
        level: 'critical',
        tryNumber: 3,
        durationSeconds: 412,
        operator: 'SparkSubmitOperator',
        startedAt: '2026-12-01T00:00:00+00:00',
        endedAt: '2026-12-01T00:05:00+00:00',
        logUrl:
          'https://airflow.example/prod/dags/sales_daily_pipeline/grid?dag_run_id=scheduled__2026-12-05T02%3A00%3A00%2B00%3A00&task_id=load_orders&tab=logs',
      },
      expect.objectContaining({ taskId: 'publish_report', level: 'critical' }),
    ]);
    // Task instances are read for the failed run only.
    expect(paths).toEqual([
      '/api/v1/dags/sales_daily_pipeline/dagRuns',
      '/api/v1/dags/sales_daily_pipeline/dagRuns/scheduled__2026-12-05T02%3A00%3A00%2B00%3A00/taskInstances',
    ]);
  });

  it('falls back to the entity name for a DAG entity without the annotation, and to no SLA', async () => {
    const app = await start();
    const prod = byEnv((await get(app, 'named-by-entity')).body).prod;
    expect(prod.data).toMatchObject({
      identity: 'named-by-entity',
      runs: [],
      totalInRange: 0,
    });
    expect(prod.data.sla).toBeUndefined();
  });

  it('reports a bad SLA or a hostile DAG id as a bad annotation, before calling Airflow', async () => {
    const app = await start();
    const badSla = byEnv((await get(app, 'bad-sla')).body).prod;
    expect(badSla).toMatchObject({
      status: 'error',
      error: {
        type: 'BAD_ANNOTATION',
        message:
          "dataops.io/run-sla.prod: 'soon' is not a run duration such as 45m, 2h or 90s (one whole number and a unit of s, m, h or d)",
      },
    });
    const hostile = byEnv((await get(app, 'hostile')).body).prod;
    expect(hostile.error).toMatchObject({
      type: 'BAD_ANNOTATION',
      message:
        "dataops.io/airflow-dag-id: '../../variables' is not a valid Airflow DAG id (letters, digits, _ . -; at most 250)",
    });
    const noDag = byEnv((await get(app, 'website')).body).prod;
    expect(noDag.error.message).toBe(
      'the entity has none of dataops.io/airflow-dag-id, dataops.io/spark-app-name and dataops.io/iceberg-table, so it has no runs to show',
    );
    expect(paths).toEqual([]);
  });
});
