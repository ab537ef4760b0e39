import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { SpecValidator } from '@internal/api-spec-checks';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { AirflowClient } from './AirflowClient';
import {
  DAG_RUNS_PATH,
  TASK_INSTANCES_PATH,
  airflowError,
  dagRunCollection,
  taskInstanceCollection,
} from './__testUtils__/airflowAnswers';

const spec = SpecValidator.for('airflow');
const AIRFLOW = 'http://airflow.test/base';

const runs = dagRunCollection(
  'sales_daily_pipeline',
  [
    {
      runId: 'scheduled__2026-12-05T02:00:00+00:00',
      state: 'failed',
      start: '2026-12-05T02:00:05+00:00',
      end: '2026-12-05T02:41:00+00:00',
    },
    {
      runId: 'manual__2026-12-04T09:00:00+00:00',
      state: 'running',
      start: '2026-12-04T09:00:01+00:00',
      runType: 'manual',
    },
    { runId: 'queued_one', state: 'queued' },
  ],
  57,
);
const tasks = taskInstanceCollection(
  'sales_daily_pipeline',
  'scheduled__2026-12-05T02:00:00+00:00',
  [
    {
      taskId: 'load_orders',
      state: 'failed',
      tryNumber: 2,
      duration: 300.5,
      operator: 'SparkSubmitOperator',
    },
    { taskId: 'publish', state: 'upstream_failed', duration: null },
    { taskId: '../../variables', state: 'failed' },
  ],
);

describe('AirflowClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const requests: Array<{ url: string; auth: string | null }> = [];

  beforeEach(() => {
    requests.length = 0;
    server.use(
      http.get(`${AIRFLOW}/api/v1/dags/:dag/dagRuns`, ({ request, params }) => {
        requests.push({
          url: request.url,
          auth: request.headers.get('authorization'),
        });
        if (params.dag === 'missing') {
          return HttpResponse.json(airflowError(404, 'DAG not found'), {
            status: 404,
          });
        }
        return HttpResponse.json(runs);
      }),
      http.get(
        `${AIRFLOW}/api/v1/dags/:dag/dagRuns/:run/taskInstances`,
        ({ request }) => {
          requests.push({
            url: request.url,
            auth: request.headers.get('authorization'),
          });
          return HttpResponse.json(tasks);
        },
      ),
    );
  });

  const client = (auth: any = { kind: 'none' }) =>
    new AirflowClient(
      {
        url: AIRFLOW,
        uiUrl: 'https://airflow.example',
        auth,
        maxConcurrency: 2,
      },
      5000,
    );

  it('uses fixtures that conform to the Airflow REST API specification', () => {
    expect(spec.checkResponse('GET', DAG_RUNS_PATH, 200, runs).errors).toEqual(
      [],
    );
    expect(
      spec.checkResponse('GET', TASK_INSTANCES_PATH, 200, tasks).errors,
    ).toEqual([]);
    expect(
      spec.checkResponse(
        'GET',
        DAG_RUNS_PATH,
        401,
        airflowError(401, 'Unauthorized'),
      ).errors,
    ).toEqual([]);
    // The checker does catch a wrong shape, so the checks above mean something.
    expect(
      spec.checkResponse('GET', DAG_RUNS_PATH, 200, {
        dag_runs: [{ state: 'exploded' }],
      }).valid,
    ).toBe(false);
  });

  it('lists the newest runs started in the range, with basic auth', async () => {
    const page = await client({
      kind: 'basic',
      username: 'svc',
      password: 'pw-secret',
    }).listDagRuns('sales_daily_pipeline', {
      from: 1764900000,
      to: 1764986400,
      limit: 20,
    });
    expect(page.totalEntries).toBe(57);
    expect(page.runs).toEqual([
      {
        runId: 'scheduled__2026-12-05T02:00:00+00:00',
        state: 'failed',
        runType: 'scheduled',
        logicalDate: '2026-12-05T02:00:05+00:00',
        startDate: '2026-12-05T02:00:05+00:00',
        endDate: '2026-12-05T02:41:00+00:00',
      },
      expect.objectContaining({
        state: 'running',
        runType: 'manual',
        endDate: undefined,
      }),
      expect.objectContaining({ runId: 'queued_one', startDate: undefined }),
    ]);
    const url = new URL(requests[0].url);
    expect(url.pathname).toBe('/base/api/v1/dags/sales_daily_pipeline/dagRuns');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      start_date_gte: '2025-12-05T02:00:00.000Z',
      start_date_lte: '2025-12-06T02:00:00.000Z',
      order_by: '-start_date',
      limit: '20',
    });
    expect(requests[0].auth).toBe(
      `Basic ${Buffer.from('svc:pw-secret').toString('base64')}`,
    );
  });

  it('asks for failing task instances of one run, encoding the run id, with a bearer token', async () => {
    const found = await client({
      kind: 'token',
      token: 'tok-123456',
    }).listFailingTasks(
      'sales_daily_pipeline',
      'scheduled__2026-12-05T02:00:00+00:00',
    );
    expect(found).toEqual([
      {
        taskId: 'load_orders',
        state: 'failed',
        tryNumber: 2,
        durationSeconds: 300.5,
        operator: 'SparkSubmitOperator',
        startDate: '2026-12-01T00:00:00+00:00',
        endDate: '2026-12-01T00:05:00+00:00',
      },
      expect.objectContaining({
        taskId: 'publish',
        durationSeconds: undefined,
        operator: undefined,
      }),
    ]);
    const url = new URL(requests[0].url);
    expect(url.pathname).toBe(
      '/base/api/v1/dags/sales_daily_pipeline/dagRuns/scheduled__2026-12-05T02%3A00%3A00%2B00%3A00/taskInstances',
    );
    expect(url.searchParams.getAll('state')).toEqual([
      'failed',
      'upstream_failed',
      'up_for_retry',
    ]);
    expect(requests[0].auth).toBe('Bearer tok-123456');
  });

  it('turns an Airflow error into a typed upstream error', async () => {
    await expect(
      client().listDagRuns('missing', { from: 0, to: 1, limit: 5 }),
    ).rejects.toMatchObject({
      type: 'UPSTREAM_ERROR',
      source: 'airflow',
      statusCode: 404,
    });
  });

  it('rejects answers without the expected list', async () => {
    server.use(
      http.get(`${AIRFLOW}/api/v1/dags/:dag/dagRuns`, () =>
        HttpResponse.json({ runs: [] }),
      ),
    );
    await expect(
      client().listDagRuns('a', { from: 0, to: 1, limit: 5 }),
    ).rejects.toMatchObject({ type: 'BAD_RESPONSE', source: 'airflow' });
  });

  it.each([
    ['../variables', 'DAG id'],
    ['a/b', 'DAG id'],
    ['~', 'DAG id'],
    ['..', 'DAG id'],
    ['dag?limit=1000', 'DAG id'],
    ['dag%2f..', 'DAG id'],
    ['', 'DAG id'],
  ])('refuses DAG id %j before any request', async (dagId, kind) => {
    await expect(
      client().listDagRuns(dagId, { from: 0, to: 1, limit: 5 }),
    ).rejects.toThrow(`${kind} '${dagId}' is not a valid Airflow ${kind}`);
    await expect(client().listFailingTasks(dagId, 'r1')).rejects.toThrow(kind);
    expect(requests).toEqual([]);
  });

  it.each(['..', '~', 'run/../../x', 'run?x=1', 'run#frag', 'run id'])(
    'refuses run id %j before any request',
    async runId => {
      await expect(client().listFailingTasks('dag', runId)).rejects.toThrow(
        /is not a valid Airflow run id/,
      );
      expect(requests).toEqual([]);
    },
  );

  it('links to the grid of the web UI, on a run and on a task log', () => {
    const c = client();
    expect(c.gridUrl('sales_daily_pipeline')).toBe(
      'https://airflow.example/dags/sales_daily_pipeline/grid',
    );
    expect(
      c.gridUrl(
        'sales_daily_pipeline',
        'scheduled__2026-12-05T02:00:00+00:00',
        'load_orders',
      ),
    ).toBe(
      'https://airflow.example/dags/sales_daily_pipeline/grid?dag_run_id=scheduled__2026-12-05T02%3A00%3A00%2B00%3A00&task_id=load_orders&tab=logs',
    );
    expect(() => c.gridUrl('a/b')).toThrow(/DAG id/);
  });
});
