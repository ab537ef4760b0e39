/**
 * Answers of the Airflow stable REST API v1 for tests, in its own field names; `AirflowClient.test.ts`
 * checks every one of them against the API specification, so the other tests can trust their shape.
 */
export const DAG_RUNS_PATH = '/dags/{dag_id}/dagRuns';
export const TASK_INSTANCES_PATH =
  '/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances';

export interface DagRunFixture {
  runId: string;
  state: 'queued' | 'running' | 'success' | 'failed';
  start?: string;
  end?: string;
  runType?: 'backfill' | 'manual' | 'scheduled' | 'dataset_triggered';
}

export function dagRun(dagId: string, run: DagRunFixture) {
  return {
    dag_run_id: run.runId,
    dag_id: dagId,
    logical_date: run.start ?? '2026-12-01T00:00:00+00:00',
    execution_date: run.start ?? '2026-12-01T00:00:00+00:00',
    start_date: run.start ?? null,
    end_date: run.end ?? null,
    data_interval_start: run.start ?? null,
    data_interval_end: run.end ?? null,
    last_scheduling_decision: run.end ?? null,
    run_type: run.runType ?? 'scheduled',
    state: run.state,
    external_trigger: run.runType === 'manual',
    conf: {},
    note: null,
  };
}

export function dagRunCollection(
  dagId: string,
  runs: DagRunFixture[],
  total = runs.length,
) {
  return { dag_runs: runs.map(r => dagRun(dagId, r)), total_entries: total };
}

export interface TaskFixture {
  taskId: string;
  state: 'failed' | 'upstream_failed' | 'up_for_retry' | 'success';
  tryNumber?: number;
  duration?: number | null;
  operator?: string | null;
}

export function taskInstanceCollection(
  dagId: string,
  runId: string,
  tasks: TaskFixture[],
) {
  return {
    task_instances: tasks.map(t => ({
      task_id: t.taskId,
      dag_id: dagId,
      dag_run_id: runId,
      execution_date: '2026-12-01T00:00:00+00:00',
      start_date: t.duration === null ? null : '2026-12-01T00:00:00+00:00',
      end_date: t.duration === null ? null : '2026-12-01T00:05:00+00:00',
      duration: t.duration ?? null,
      state: t.state,
      try_number: t.tryNumber ?? 1,
      map_index: -1,
      max_tries: 2,
      hostname: 'airflow-worker-0',
      unixname: 'airflow',
      pool: 'default_pool',
      pool_slots: 1,
      queue: 'default',
      priority_weight: 1,
      operator: t.operator ?? null,
      queued_when: null,
      pid: null,
      executor_config: '{}',
      rendered_fields: {},
      note: null,
    })),
    total_entries: tasks.length,
  };
}

/** Airflow's error body (`Error`, RFC 7807 style). */
export function airflowError(status: number, title: string) {
  return { type: 'about:blank', title, status, detail: title };
}
