import { SpecValidator } from '@internal/api-spec-checks';
import { RunningSandbox, startSandbox } from '../server';
import { Faults, loadCatalog, Scenario } from '../scenario';
import { AIRFLOW_PASSWORD, AIRFLOW_USERNAME } from './createAirflowRouter';
import { DAG_PERIOD_S } from './buildDagRuns';

jest.setTimeout(60000);

const spec = SpecValidator.for('airflow');
const DAG_RUNS = '/dags/{dag_id}/dagRuns';
const TASKS = '/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances';
const auth = {
  headers: { Authorization: `Basic ${Buffer.from(`${AIRFLOW_USERNAME}:${AIRFLOW_PASSWORD}`).toString('base64')}` },
};
const HOUR = 3600_000;

describe('sandbox Airflow REST API', () => {
  let sandbox: RunningSandbox;
  // A quarter past an hour, whatever the clock says: the newest slot's run started at most 2 minutes past
  // and no run is shorter than 45% of its SLA (over 20 minutes here), so it is still going, while every
  // scripted run of the slots before (the longest ends 43 minutes before) has ended.
  const anchorMs = Math.floor(Date.now() / HOUR) * HOUR - 45 * 60_000;
  const get = async (path: string, init: RequestInit = auth) => {
    const res = await fetch(`${sandbox.url}${path}`, init);
    return { status: res.status, body: (await res.json()) as any };
  };
  const runsOf = async (env: string, query = '') => {
    const { status, body } = await get(`/${env}/airflow/api/v1/dags/sales_daily_pipeline/dagRuns?${query}`);
    expect(status).toBe(200);
    expect(spec.checkResponse('GET', DAG_RUNS, 200, body).errors).toEqual([]);
    return body;
  };

  beforeAll(async () => {
    const scenario = new Scenario(loadCatalog(), anchorMs, new Faults('', ''));
    sandbox = await startSandbox({ scenario, port: 0, now: () => anchorMs });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('lists hourly runs of a DAG in the asked start range, newest first, per the spec', async () => {
    const from = new Date(anchorMs - 6 * HOUR).toISOString();
    const body = await runsOf('dev', `start_date_gte=${from}&order_by=-start_date&limit=3`);
    expect(body.total_entries).toBe(6);
    expect(body.dag_runs).toHaveLength(3);
    const starts = body.dag_runs.map((r: any) => Date.parse(r.start_date));
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
    expect(starts[0] - starts[1]).toBeGreaterThan(DAG_PERIOD_S * 1000 - 120_000);
    expect(body.dag_runs[0].dag_run_id).toMatch(/^scheduled__\d{4}-\d\d-\d\dT\d\d:00:00\+00:00$/);
  });

  it('fails the newest finished stage run in its Spark task, with the tasks after it upstream_failed', async () => {
    const body = await runsOf('stage', 'order_by=-start_date&limit=2');
    const [running, failed] = body.dag_runs;
    expect(running.state).toBe('running');
    expect(running.end_date).toBeNull();
    expect(failed.state).toBe('failed');
    const { status, body: tasks } = await get(
      `/stage/airflow/api/v1/dags/sales_daily_pipeline/dagRuns/${encodeURIComponent(failed.dag_run_id)}/taskInstances`,
    );
    expect(status).toBe(200);
    expect(spec.checkResponse('GET', TASKS, 200, tasks).errors).toEqual([]);
    expect(tasks.task_instances.map((t: any) => [t.task_id, t.state])).toEqual([
      ['wait_for_source', 'success'],
      ['run_spark_job', 'failed'],
      ['validate_output', 'upstream_failed'],
      ['publish', 'upstream_failed'],
    ]);
    const filtered = await get(
      `/stage/airflow/api/v1/dags/sales_daily_pipeline/dagRuns/${encodeURIComponent(
        failed.dag_run_id,
      )}/taskInstances?state=failed&state=up_for_retry`,
    );
    expect(filtered.body.task_instances.map((t: any) => [t.task_id, t.try_number, t.operator])).toEqual([
      ['run_spark_job', 2, 'SparkSubmitOperator'],
    ]);
  });

  it('runs one prod run past its SLA + 50% (45m, so over 67.5 minutes) and one past the SLA', async () => {
    const body = await runsOf('prod', 'order_by=-start_date&limit=6');
    const minutes = body.dag_runs
      .filter((r: any) => r.end_date)
      .map((r: any) => (Date.parse(r.end_date) - Date.parse(r.start_date)) / 60_000);
    expect(minutes.filter((m: number) => m > 67.5)).toHaveLength(1);
    expect(minutes.filter((m: number) => m > 45 && m <= 67.5)).toHaveLength(1);
    expect(body.dag_runs.every((r: any) => r.state !== 'failed')).toBe(true);
  });

  it('answers unknown DAGs and runs, bad parameters and missing credentials with Airflow errors', async () => {
    const unknown = await get('/prod/airflow/api/v1/dags/nope/dagRuns');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ title: 'DAG not found', status: 404 });
    const noRun = await get('/prod/airflow/api/v1/dags/sales_daily_pipeline/dagRuns/x/taskInstances');
    expect(noRun.status).toBe(404);
    expect((await get('/prod/airflow/api/v1/dags/sales_daily_pipeline/dagRuns?start_date_gte=yesterday')).status).toBe(400);
    expect((await get('/prod/airflow/api/v1/dags/sales_daily_pipeline/dagRuns?order_by=conf')).status).toBe(400);
    const anonymous = await get('/prod/airflow/api/v1/dags/sales_daily_pipeline/dagRuns', {});
    expect(anonymous.status).toBe(401);
    expect(spec.checkResponse('GET', DAG_RUNS, 401, anonymous.body).errors).toEqual([]);
  });
});
