import { Rng } from '../random';
import { Env, Scenario, ScenarioEntity, TROUBLE } from '../scenario';

export interface LogDoc {
  _index: string;
  _id: string;
  t: number;
  /** Position in the stable index order, what `_doc` sorts on: by minute, then entity, then line. */
  seq: number;
  source: Record<string, unknown>;
}

const TASKS: Record<string, string[]> = {
  sales_daily_pipeline: ['land_pos_export', 'run_daily_sales_etl', 'publish_revenue_report'],
  marketing_attribution: ['build_customer_profiles', 'sessionize_clicks', 'attribute_orders'],
  iceberg_table_maintenance: ['expire_snapshots', 'rewrite_data_files', 'remove_orphan_files'],
};

const SPARK_TRACE = [
  'org.apache.spark.SparkException: Job aborted due to stage failure: Task 14 in stage 7.0 failed 4 times',
  '\tat org.apache.spark.scheduler.DAGScheduler.failJobAndIndependentStages(DAGScheduler.scala:2672)',
  '\tat org.apache.spark.scheduler.DAGScheduler.handleTaskSetFailed(DAGScheduler.scala:1185)',
  '\tat org.apache.iceberg.spark.source.SparkWrite.commitOperation(SparkWrite.java:233)',
  'Caused by: java.lang.OutOfMemoryError: GC overhead limit exceeded',
  '\tat java.base/java.util.Arrays.copyOf(Arrays.java:3537)',
];

const PY_TRACE = [
  'Traceback (most recent call last):',
  '  File "/opt/airflow/dags/common/spark_submit.py", line 88, in execute',
  '    self._hook.submit(self._application)',
  '  File "/home/airflow/.local/lib/python3.11/site-packages/airflow/providers/apache/spark/hooks/spark_submit.py", line 512, in submit',
  '    raise AirflowException(f"Cannot execute: {spark_submit_cmd}. Error code is: {returncode}.")',
  'airflow.exceptions.AirflowException: Cannot execute: spark-submit. Error code is: 1.',
];

/** Slots per minute and per entity in `seq`; generous bounds so the order never changes as the catalog grows a little. */
const ENTITY_SLOTS = 1024;
const LINE_SLOTS = 8;

function day(t: number): string {
  return new Date(t).toISOString().slice(0, 10).replace(/-/g, '.');
}

/** Error share of one entity's log lines at time `t`, raised where the scenario scripts trouble. */
function errorShare(scenario: Scenario, env: Env, entity: ScenarioEntity, t: number): number {
  if (scenario.is(TROUBLE.failingDag, env, entity)) return 0.3;
  if (scenario.is(TROUBLE.crashLoop, env, entity)) return 0.25;
  if (scenario.is(TROUBLE.fastBurn, env, entity) && t > scenario.anchorMs - TROUBLE.fastBurn.sinceMinutes * 60000) return 0.15;
  return 0.03;
}

/**
 * The log lines one entity wrote during one minute: a pure function of (seed, env, entity, minute), so a page
 * fetched twice is identical and `search_after` cursors stay valid.
 */
export function logsForMinute(scenario: Scenario, env: Env, entity: ScenarioEntity, minute: number): LogDoc[] {
  const rng = new Rng(`${scenario.seed}/${env}/${entity.name}/${minute}`);
  const spark = entity.type === 'spark-job';
  const pods = scenario.pods(entity, env);
  const dagId = entity.annotation('dataops.io/airflow-dag-id', env);
  const app = scenario.kubernetesId(entity, env) ?? entity.name;
  const count = rng.int(2, 7);
  const entityOrdinal = scenario.entities.indexOf(entity);
  const docs: LogDoc[] = [];
  const gcTrouble = scenario.is(TROUBLE.gcClimb, env, entity);
  for (let i = 0; i < count; i++) {
    const t = minute * 60000 + Math.floor(rng.next() * 60000);
    const pod = pods.length ? rng.pick(pods) : undefined;
    const roll = rng.next();
    const errShare = errorShare(scenario, env, entity, t);
    let level = 'info';
    if (roll < errShare) level = 'error';
    else if (roll < errShare + 0.1) level = 'warn';
    else if (roll < errShare + 0.22) level = 'debug';
    if (gcTrouble && level === 'info' && rng.next() < 0.3) level = 'warn';
    const task = dagId ? rng.pick(TASKS[dagId] ?? ['extract', 'transform', 'load']) : undefined;
    const source: Record<string, unknown> = {
      '@timestamp': new Date(t).toISOString(),
      level,
      kubernetes: {
        namespace_name: pod?.namespace ?? (spark ? 'spark' : 'airflow'),
        pod_name: pod?.name ?? `${app}-0`,
        container_name: pod?.container ?? 'main',
        labels: { app, env },
      },
      env,
    };
    if (dagId) {
      source.dag_id = dagId;
      source.task_id = task;
      source.run_id = `scheduled__${new Date(Math.floor(t / 3600000) * 3600000).toISOString()}`;
    }
    if (spark) {
      source.spark_app = app;
      source.logger = rng.pick(['org.apache.spark.scheduler.TaskSetManager', 'org.apache.spark.executor.Executor', 'org.apache.iceberg.spark.SparkWrite']);
    } else {
      source.logger = 'airflow.task';
    }
    const stage = rng.int(1, 40);
    const tid = rng.int(100, 9999);
    let message: string;
    if (level === 'error') {
      const trace = spark ? SPARK_TRACE : PY_TRACE;
      message = spark
        ? `Job ${stage} failed: ${trace[0]}\n${trace.slice(1).join('\n')}`
        : `Task ${task} failed with exception\n${trace.join('\n')}`;
      source.error = { type: spark ? 'org.apache.spark.SparkException' : 'AirflowException', stack_trace: trace.join('\n') };
      if (scenario.is(TROUBLE.crashLoop, env, entity)) {
        message = `Driver container exited with code 137 (OOMKilled); back-off restarting failed container\n${SPARK_TRACE.slice(4).join('\n')}`;
      }
    } else if (level === 'warn') {
      if (gcTrouble) {
        message = `GC overhead: ${(20 + rng.next() * 8).toFixed(1)}% of executor time spent in garbage collection over the last minute`;
      } else if (spark) {
        message = `Lost task ${stage}.0 in stage ${stage}.0 (TID ${tid}): FetchFailed(BlockManagerId(${rng.int(1, 3)}, 10.42.${rng.int(0, 255)}.${rng.int(2, 254)}, 7337))`;
      } else {
        message = `Task ${task} of ${dagId} is taking longer than its SLA of 45 minutes`;
      }
    } else if (level === 'debug') {
      message = `Connecting to metastore thrift://hive-metastore:9083 as etl_user password=${rng.hex(12)}`;
    } else {
      message = spark
        ? rng.pick([
            `Finished task ${stage}.0 in stage ${stage}.0 (TID ${tid}) in ${rng.int(200, 90000)} ms on executor ${rng.int(1, 3)}`,
            `Committed Iceberg snapshot ${rng.int(1e6, 9e6)}${rng.int(1e6, 9e6)} with ${rng.int(1, 80)} data files`,
            `Submitting ${rng.int(10, 200)} missing tasks from ResultStage ${stage}`,
          ])
        : rng.pick([
            `Running <TaskInstance: ${dagId}.${task} ${String(source.run_id)} [running]> on host ${pod?.name ?? 'worker'}`,
            `Marking task as SUCCESS. dag_id=${dagId}, task_id=${task}`,
            `Dependencies all met for dep_context=non-requeueable deps ti=<TaskInstance: ${dagId}.${task}>`,
          ]);
    }
    source.message = message;
    // A credential leaked by a job's configuration dump: the backend must mask it before it reaches a browser.
    source.connection_url = `oracle://etl_user:password=${rng.hex(16)}@crm-db.${env}.internal:1521/CRM`;
    const family = spark ? 'spark' : 'airflow';
    docs.push({
      _index: `logs-${family}-${day(t)}`,
      _id: `${env}-${app}-${minute.toString(36)}-${i}`,
      t,
      seq: (minute * ENTITY_SLOTS + entityOrdinal) * LINE_SLOTS + i,
      source,
    });
  }
  return docs;
}

/** All log lines of an environment between two instants (inclusive), newest last. */
export function logsBetween(scenario: Scenario, env: Env, fromMs: number, toMs: number): LogDoc[] {
  const out: LogDoc[] = [];
  const entities = scenario.entitiesIn(env).filter(e => e.type !== 'iceberg-table');
  for (let minute = Math.floor(fromMs / 60000); minute <= Math.floor(toMs / 60000); minute++) {
    for (const entity of entities) {
      for (const doc of logsForMinute(scenario, env, entity, minute)) {
        if (doc.t >= fromMs && doc.t <= toMs) out.push(doc);
      }
    }
  }
  return out;
}
