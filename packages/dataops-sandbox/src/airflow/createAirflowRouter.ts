import express, { Request, Response, NextFunction } from 'express';
import { Env, Scenario } from '../scenario';
import { airflowTime, buildDagRuns, buildTaskInstances, dagIdOf, GeneratedRun } from './buildDagRuns';

/** Basic-auth user and password clients configure (`dataops.environments[].airflow`). */
export const AIRFLOW_USERNAME = 'sandbox';
export const AIRFLOW_PASSWORD = 'sandbox-airflow-password';

const EXPECTED_AUTH = `Basic ${Buffer.from(`${AIRFLOW_USERNAME}:${AIRFLOW_PASSWORD}`).toString('base64')}`;
/** The API's largest page (`maximum_page_limit` default). */
const MAX_LIMIT = 100;

/** Airflow's problem-details error body. */
function fail(res: Response, status: number, title: string, detail: string) {
  res.status(status).json({ type: 'about:blank', title, status, detail });
}

function dagRunBody(run: GeneratedRun) {
  return {
    dag_run_id: run.runId,
    dag_id: run.dagId,
    logical_date: airflowTime(run.logicalS),
    execution_date: airflowTime(run.logicalS),
    start_date: airflowTime(run.startS),
    end_date: run.endS === undefined ? null : airflowTime(run.endS),
    data_interval_start: airflowTime(run.logicalS),
    data_interval_end: airflowTime(run.logicalS + 3600),
    last_scheduling_decision: airflowTime(run.endS ?? run.startS),
    run_type: 'scheduled',
    state: run.state,
    external_trigger: false,
    conf: {},
    note: null,
  };
}

/** A date-time query parameter, or `null` when it is present but not a date (answered 400). */
function dateParam(req: Request, name: string): number | undefined | null {
  const raw = req.query[name];
  if (raw === undefined) return undefined;
  const ms = typeof raw === 'string' ? Date.parse(raw) : NaN;
  return Number.isNaN(ms) ? null : ms / 1000;
}

function limitParam(req: Request): number | null {
  const raw = req.query.limit;
  if (raw === undefined) return MAX_LIMIT;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 ? Math.min(n, MAX_LIMIT) : null;
}

/**
 * The Airflow stable REST API v1 subset the runs view reads: DAG runs of one DAG (filtered by start date,
 * ordered, paged) and the task instances of one run (filtered by state), for the example DAGs of this
 * environment. Runs are generated hourly from the scenario, with its scripted trouble.
 */
export function createAirflowRouter(scenario: Scenario, env: Env, now: () => number) {
  const router = express.Router();
  router.use((req: Request, res: Response, next: NextFunction) => {
    if (req.headers.authorization === EXPECTED_AUTH) return next();
    return fail(res, 401, 'Unauthorized', 'Basic credentials missing or wrong');
  });

  const dagRuns = (dagId: string): GeneratedRun[] | undefined => {
    const entity = scenario.entitiesIn(env).find(e => e.type === 'airflow-dag' && dagIdOf(e, env) === dagId);
    return entity ? buildDagRuns(scenario, entity, env, now()) : undefined;
  };

  router.get('/api/v1/dags/:dagId/dagRuns', (req, res) => {
    const runs = dagRuns(req.params.dagId);
    if (!runs) return fail(res, 404, 'DAG not found', `DAG with dag_id: '${req.params.dagId}' not found`);
    const bounds = ['start_date_gte', 'start_date_lte'].map(name => dateParam(req, name));
    const limit = limitParam(req);
    const offset = req.query.offset === undefined ? 0 : Number(req.query.offset);
    if (bounds.includes(null) || limit === null || !Number.isInteger(offset) || offset < 0) {
      return fail(res, 400, 'Bad Request', 'start_date_gte/lte must be date-times, limit and offset whole numbers');
    }
    const orderBy = typeof req.query.order_by === 'string' ? req.query.order_by : 'id';
    if (!['id', '-id', 'start_date', '-start_date'].includes(orderBy)) {
      return fail(res, 400, 'Bad Request', `Ordering with '${orderBy}' is disallowed or the attribute does not exist on the model`);
    }
    const [from, to] = bounds as Array<number | undefined>;
    const matching = runs.filter(r => (from === undefined || r.startS >= from) && (to === undefined || r.startS <= to));
    // Runs are generated in start order, which is also their id order.
    if (orderBy.startsWith('-')) matching.reverse();
    return res.json({
      dag_runs: matching.slice(offset, offset + limit).map(dagRunBody),
      total_entries: matching.length,
    });
  });

  router.get('/api/v1/dags/:dagId/dagRuns/:runId/taskInstances', (req, res) => {
    const runs = dagRuns(req.params.dagId);
    const run = runs?.find(r => r.runId === req.params.runId);
    if (!run) return fail(res, 404, 'DAGRun not found', `DAGRun with DAG ID: '${req.params.dagId}' and DagRun ID: '${req.params.runId}' not found`);
    const raw = req.query.state;
    const states = raw === undefined ? undefined : ([] as unknown[]).concat(raw).map(String);
    const tasks = buildTaskInstances(run, Math.floor(now() / 1000)).filter(t => !states || states.includes(t.state));
    return res.json({
      task_instances: tasks.map(t => ({
        task_id: t.taskId,
        dag_id: run.dagId,
        dag_run_id: run.runId,
        execution_date: airflowTime(run.logicalS),
        start_date: t.startS === undefined ? null : airflowTime(t.startS),
        end_date: t.endS === undefined ? null : airflowTime(t.endS),
        duration: t.startS !== undefined && t.endS !== undefined ? t.endS - t.startS : null,
        state: t.state,
        try_number: t.tryNumber,
        map_index: -1,
        max_tries: 1,
        hostname: t.startS === undefined ? '' : `airflow-worker-${t.taskId.length % 3}`,
        unixname: 'airflow',
        pool: 'default_pool',
        pool_slots: 1,
        queue: 'default',
        priority_weight: 1,
        operator: t.operator,
        queued_when: null,
        pid: null,
        executor_config: '{}',
        rendered_fields: {},
        note: null,
      })),
      total_entries: tasks.length,
    });
  });

  return router;
}
