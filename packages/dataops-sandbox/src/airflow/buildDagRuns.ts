import { hashString, unit } from '../random';
import { Env, Scenario, ScenarioEntity, TROUBLE } from '../scenario';

/** Every example DAG is scheduled hourly, so the default six-hour range of the Runs tab shows several runs. */
export const DAG_PERIOD_S = 3600;
/** How far back runs exist. */
export const DAG_HISTORY_S = 7 * 86400;
/** Run time when the entity declares no `dataops.io/run-sla`. */
const DEFAULT_SLA_S = 45 * 60;

/**
 * The scripted trouble of the Runs tab, timed from the scenario's anchor in whole schedule slots: in stage the
 * sales pipeline's newest runs before start-up fail in its Spark task; in prod one of its runs takes the SLA
 * + 70% (critical) and an earlier one the SLA + 20% (warning).
 */
export const AIRFLOW_TROUBLE = {
  failedRuns: {
    env: 'stage',
    entity: TROUBLE.failingDag.entity,
    slotsBeforeAnchor: [1, 4],
    failingTask: 'run_spark_job',
  },
  overSla: {
    env: 'prod',
    entity: TROUBLE.failingDag.entity,
    slotsBeforeAnchor: new Map([
      [2, 1.7],
      [5, 1.2],
    ]),
  },
} as const;

/** The tasks of every example DAG, in order; each depends on the one before. */
export const DAG_TASKS = [
  { taskId: 'wait_for_source', operator: 'ExternalTaskSensor', share: 0.1 },
  { taskId: 'run_spark_job', operator: 'SparkSubmitOperator', share: 0.7 },
  { taskId: 'validate_output', operator: 'PythonOperator', share: 0.15 },
  { taskId: 'publish', operator: 'BashOperator', share: 0.05 },
] as const;

export type DagRunState = 'queued' | 'running' | 'success' | 'failed';

/** One generated run, in seconds; turned into the API's shape by the router. */
export interface GeneratedRun {
  dagId: string;
  runId: string;
  logicalS: number;
  startS: number;
  /** Undefined while running. */
  endS?: number;
  state: DagRunState;
  /** Planned run time; for a failed run, until the failure. */
  durationS: number;
  failed: boolean;
  /** The task a failed run failed in; the scripted failing DAG's when absent. */
  failingTask?: string;
}

/** Airflow writes timestamps with an explicit `+00:00` offset. */
export function airflowTime(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** `dataops.io/run-sla` of the entity in this environment, in seconds, read leniently (the catalog validates it). */
export function runSlaSeconds(entity: ScenarioEntity, env: Env): number {
  const match = /^(\d{1,6})([smhd])$/.exec(
    entity.annotation('dataops.io/run-sla', env)?.trim() ?? '',
  );
  if (!match) return DEFAULT_SLA_S;
  return (
    Number(match[1]) *
    { s: 1, m: 60, h: 3600, d: 86400 }[match[2] as 's' | 'm' | 'h' | 'd']
  );
}

export function dagIdOf(entity: ScenarioEntity, env: Env): string {
  return entity.annotation('dataops.io/airflow-dag-id', env) ?? entity.name;
}

/** The runs of one DAG in one environment that have started by `nowMs`, oldest first. */
export function buildDagRuns(
  scenario: Scenario,
  entity: ScenarioEntity,
  env: Env,
  nowMs: number,
): GeneratedRun[] {
  const nowS = Math.floor(nowMs / 1000);
  const anchorSlot = Math.floor(scenario.anchorMs / 1000 / DAG_PERIOD_S);
  const dagId = dagIdOf(entity, env);
  const seed = scenario.seed ^ hashString(`airflow:${env}:${dagId}`);
  const sla = runSlaSeconds(entity, env);
  const failedRuns = AIRFLOW_TROUBLE.failedRuns;
  const overSla = AIRFLOW_TROUBLE.overSla;
  const runs: GeneratedRun[] = [];
  const firstSlot = Math.floor((nowS - DAG_HISTORY_S) / DAG_PERIOD_S);
  for (let slot = firstSlot; slot <= Math.floor(nowS / DAG_PERIOD_S); slot++) {
    const startS = slot * DAG_PERIOD_S + 30 + Math.floor(unit(seed, slot) * 90);
    if (startS > nowS) break;
    const before = anchorSlot - slot;
    // The broken pipeline's DAG fails every run from its start on, early, waiting for its source.
    const broken =
      scenario.isBrokenPipeline('entity', env, entity) &&
      startS * 1000 >= scenario.brokenPipelineSinceMs;
    const failed =
      broken ||
      (failedRuns.env === env &&
        failedRuns.entity === entity.name &&
        (failedRuns.slotsBeforeAnchor as readonly number[]).includes(before));
    const overFactor =
      overSla.env === env && overSla.entity === entity.name
        ? overSla.slotsBeforeAnchor.get(before)
        : undefined;
    // Normal runs take 45-75 % of the SLA; a failure stops the run partway through its Spark task.
    let durationS = Math.round(
      sla * (overFactor ?? 0.45 + 0.3 * unit(seed ^ 0x5f, slot)),
    );
    // The broken pipeline's sensor gives up at once: its source is not there.
    if (failed) durationS = broken ? 90 : Math.round(durationS * 0.5);
    const done = startS + durationS <= nowS;
    const logicalS = (slot - 1) * DAG_PERIOD_S;
    let state: DagRunState = 'running';
    if (done) state = failed ? 'failed' : 'success';
    runs.push({
      dagId,
      runId: `scheduled__${airflowTime(logicalS)}`,
      logicalS,
      startS,
      endS: done ? startS + durationS : undefined,
      state,
      durationS,
      failed,
      ...(broken ? { failingTask: TROUBLE.brokenPipeline.failingTask } : {}),
    });
  }
  return runs;
}

export interface GeneratedTask {
  taskId: string;
  operator: string;
  state:
    | 'success'
    | 'running'
    | 'failed'
    | 'upstream_failed'
    | 'scheduled'
    | 'none';
  tryNumber: number;
  startS?: number;
  endS?: number;
}

/** The task instances of one run, consistent with its state and duration. */
export function buildTaskInstances(
  run: GeneratedRun,
  nowS: number,
): GeneratedTask[] {
  let cursor = run.startS;
  let blocked = false;
  return DAG_TASKS.map(task => {
    const failing =
      run.failed &&
      task.taskId ===
        (run.failingTask ?? AIRFLOW_TROUBLE.failedRuns.failingTask);
    if (blocked) {
      return {
        taskId: task.taskId,
        operator: task.operator,
        state: run.failed ? 'upstream_failed' : 'none',
        tryNumber: 0,
      };
    }
    const plannedS = failing
      ? run.startS + run.durationS - cursor
      : Math.round(run.durationS * task.share);
    const startS = cursor;
    const endS = startS + Math.max(1, plannedS);
    if (endS > nowS && !failing) {
      blocked = true;
      return {
        taskId: task.taskId,
        operator: task.operator,
        state: 'running',
        tryNumber: 1,
        startS,
      };
    }
    cursor = endS;
    if (failing) {
      blocked = true;
      // Failed on its retry: Airflow counts the attempt that ended the task.
      return {
        taskId: task.taskId,
        operator: task.operator,
        state: 'failed',
        tryNumber: 2,
        startS,
        endS,
      };
    }
    return {
      taskId: task.taskId,
      operator: task.operator,
      state: 'success',
      tryNumber: 1,
      startS,
      endS,
    };
  });
}
