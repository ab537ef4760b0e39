import { Labels } from '../promql';
import {
  Env,
  ICEBERG_TIMING,
  PodInfo,
  Scenario,
  ScenarioEntity,
  TROUBLE,
} from '../scenario';
import { GeneratedSeries } from './GeneratedSeries';
import { hashString, unit } from '../random';
import { runSlaSeconds } from '../airflow/buildDagRuns';
import { counter, gauge, RateBump } from './models';
import {
  OutcomeTrouble,
  outcomeCounters,
  sliOutcomeCounters,
} from './outcomeCounters';

const S15 = 15000;
const S30 = 30000;
const M1 = 60000;
const M5 = 300000;
const GIB = 1024 ** 3;
const TIB = 1024 ** 4;

const TTFB_BUCKETS = [
  '0.01',
  '0.025',
  '0.05',
  '0.1',
  '0.25',
  '0.5',
  '1',
  '+Inf',
];
const QUANTILES = ['0.5', '0.9', '0.99'];

/**
 * Healthy MinIO time to first byte. With the buckets above, histogram_quantile's interpolation gives a P95
 * of about 53 ms for reads and 77 ms for writes, clearly inside the 100 ms target of the storage checks.
 */
const TTFB = {
  get: { median: 0.018, spread: 0.6 },
  put: { median: 0.026, spread: 0.5 },
};
/** 0.02% of S3 requests fail: a healthy bucket, well under the 0.1% warning. */
const S3_ERROR_SHARE = 0.0002;

/** Share of observations at or below `le` for a log-normal-ish distribution with the given median. */
function cdf(le: string, median: number, spread: number): number {
  if (le === '+Inf') return 1;
  const x = Math.log(Number(le) / median) / spread;
  return 1 / (1 + Math.exp(-1.7 * x));
}

/** Collects the series of one environment. */
class Collector {
  readonly series: GeneratedSeries[] = [];
  /** The entity whose series are being added (none for shared ones); its scripted dead exporter applies. */
  entity: ScenarioEntity | undefined;

  constructor(private readonly scenario: Scenario, readonly env: Env) {}

  add(
    name: string,
    labels: Labels,
    intervalMs: number,
    value: (tMs: number) => number,
  ) {
    if (!this.scenario.isCollected(this.env, name)) return;
    const endMs =
      this.entity && this.scenario.seriesEndMs(this.env, this.entity, name);
    this.series.push(
      new GeneratedSeries(
        { __name__: name, ...labels },
        intervalMs,
        value,
        endMs,
      ),
    );
  }

  key(...parts: string[]) {
    return [this.env, ...parts].join('/');
  }

  minutesFromAnchor(minutes: number): number {
    return this.scenario.anchorMs + minutes * 60000;
  }
}

function podSeries(
  c: Collector,
  scenario: Scenario,
  entity: ScenarioEntity,
  base: Labels,
  pod: PodInfo,
  job: string,
) {
  const labels = { ...base, pod: pod.name, container: pod.container };
  const k = c.key(entity.name, pod.name);
  const crashing =
    scenario.is(TROUBLE.crashLoop, c.env, entity) && pod.role !== 'executor';
  const memLimit = { driver: 4, executor: 8, worker: 2 }[pod.role] * GIB;
  c.add(
    'container_memory_working_set_bytes',
    labels,
    S30,
    gauge(`${k}/mem`, memLimit * 0.6, memLimit * 0.15, 900),
  );
  c.add(
    'kube_pod_container_resource_limits',
    { ...labels, resource: 'memory', unit: 'byte' },
    S30,
    () => memLimit,
  );
  c.add(
    'kube_pod_container_resource_limits',
    { ...labels, resource: 'cpu', unit: 'core' },
    S30,
    () => 2,
  );
  c.add(
    'container_cpu_usage_seconds_total',
    labels,
    S30,
    counter(`${k}/cpu`, pod.role === 'executor' ? 1.1 : 0.4, {
      wobble: 0.5,
      periodS: 1200,
    }),
  );
  const restartBumps: RateBump[] = crashing
    ? [{ startMs: c.minutesFromAnchor(-60), extraPerSecond: 1 / 300 }]
    : [];
  c.add(
    'kube_pod_container_status_restarts_total',
    labels,
    S30,
    counter(`${k}/restarts`, 0, {
      wobble: 0,
      bumps: restartBumps,
      integer: true,
    }),
  );
  c.add(
    'kube_pod_container_status_waiting_reason',
    { ...labels, reason: 'CrashLoopBackOff' },
    S30,
    () => (crashing ? 1 : 0),
  );
  if (crashing) {
    // kube-state-metrics only has this series once a container has terminated; the crash loop's cause.
    c.add(
      'kube_pod_container_status_last_terminated_reason',
      { ...labels, reason: 'OOMKilled' },
      S30,
      () => 1,
    );
  }
  for (const phase of [
    'Pending',
    'Running',
    'Succeeded',
    'Failed',
    'Unknown',
  ]) {
    c.add('kube_pod_status_phase', { ...base, pod: pod.name, phase }, S30, () =>
      phase === 'Running' ? 1 : 0,
    );
  }
  c.add(
    'up',
    { ...base, pod: pod.name, job },
    pod.role === 'worker' ? S30 : S15,
    () => (crashing ? 0 : 1),
  );
}

/**
 * Seconds a Spark job's runs take in the operator's run-time summaries: a healthy 50-65% of the job's
 * `dataops.io/run-sla` (drawn per job and environment) for completed runs; failed runs stop earlier, at 60%
 * of that. The Spark History runs of the Runs tab scatter around the same share of the SLA.
 */
export function sparkRunTimeSeconds(
  entity: ScenarioEntity,
  env: Env,
): { success: number; failure: number } {
  const share =
    0.5 + 0.15 * unit(hashString(`${env}/${entity.name}/run-time`), 0);
  const success = Math.round(runSlaSeconds(entity, env) * share);
  return { success, failure: Math.round(success * 0.6) };
}

function sparkSeries(c: Collector, scenario: Scenario, entity: ScenarioEntity) {
  const base = scenario.labels(entity, c.env);
  const k = c.key(entity.name);
  const pods = scenario.pods(entity, c.env);
  const crashing = scenario.is(TROUBLE.crashLoop, c.env, entity);
  const driver = pods.find(p => p.role === 'driver');
  if (driver) {
    // Driver gauge through the JMX exporter with the Spark operator's rule file (lowercased names); the
    // scrape adds namespace, pod and the app label as target labels.
    const appName =
      entity.annotation('dataops.io/spark-app-name', c.env) ?? entity.name;
    c.add(
      'spark_driver_dagscheduler_job_activejobs',
      {
        ...base,
        pod: driver.name,
        app_namespace: base.namespace,
        app_name: appName,
      },
      S15,
      tMs =>
        crashing
          ? 0
          : Math.max(
              0,
              Math.round(2 + 2 * gauge(`${k}/active`, 0, 1, 600)(tMs)),
            ),
    );
  }
  // The Spark operator's application counters (labelled with --metrics-labels=app).
  const runs = sliOutcomeCounters(`${k}/runs`, entity, c.env, 1 / 120);
  c.add('spark_application_success_count', base, S15, runs.succeeded);
  c.add('spark_application_failure_count', base, S15, runs.failed);
  // The operator's run-time summaries (sum and count only), observed with the same counters: every run takes
  // the job's typical time, so each success adds one to _count and that time to _sum.
  const runTime = sparkRunTimeSeconds(entity, c.env);
  for (const [outcome, count, seconds] of [
    ['success', runs.succeeded, runTime.success],
    ['failure', runs.failed, runTime.failure],
  ] as const) {
    const name = `spark_application_${outcome}_execution_time_seconds`;
    c.add(`${name}_count`, base, S15, count);
    c.add(`${name}_sum`, base, S15, tMs => count(tMs) * seconds);
  }

  const gcTrouble = scenario.is(TROUBLE.gcClimb, c.env, entity);
  for (const pod of pods) {
    const pk = c.key(entity.name, pod.name);
    const young: RateBump[] = gcTrouble
      ? [
          {
            startMs: c.minutesFromAnchor(-TROUBLE.gcClimb.rampMinutes),
            extraPerSecond: TROUBLE.gcClimb.toRatio - TROUBLE.gcClimb.fromRatio,
            rampS: (TROUBLE.gcClimb.rampMinutes - 10) * 60,
          },
        ]
      : [];
    const gcBase = gcTrouble ? TROUBLE.gcClimb.fromRatio : 0.05;
    c.add(
      'jvm_gc_collection_seconds_sum',
      { ...base, pod: pod.name, gc: 'G1 Young Generation' },
      S15,
      counter(`${pk}/gc-young`, gcBase * 0.7, {
        wobble: 0.3,
        periodS: 900,
        bumps: young,
      }),
    );
    c.add(
      'jvm_gc_collection_seconds_sum',
      { ...base, pod: pod.name, gc: 'G1 Old Generation' },
      S15,
      counter(`${pk}/gc-old`, gcBase * 0.3, { wobble: 0.3, periodS: 1300 }),
    );
    c.add(
      'jvm_gc_collection_seconds_count',
      { ...base, pod: pod.name, gc: 'G1 Young Generation' },
      S15,
      counter(`${pk}/gc-young-n`, 0.5, { integer: true }),
    );
    podSeries(c, scenario, entity, base, pod, 'spark-jmx');
  }
}

function airflowSeries(
  c: Collector,
  scenario: Scenario,
  entity: ScenarioEntity,
) {
  const base = scenario.labels(entity, c.env);
  const dagId =
    entity.annotation('dataops.io/airflow-dag-id', c.env) ??
    entity.name.replace(/-/g, '_');
  const labels = { namespace: base.namespace, dag_id: dagId };
  const k = c.key(entity.name);
  let trouble: OutcomeTrouble | undefined;
  if (scenario.is(TROUBLE.failingDag, c.env, entity)) {
    trouble = {
      ratio: TROUBLE.failingDag.failureRatio,
      sinceMs: c.minutesFromAnchor(-180),
    };
  } else if (scenario.is(TROUBLE.fastBurn, c.env, entity)) {
    trouble = {
      ratio: TROUBLE.fastBurn.failureRatio,
      sinceMs: c.minutesFromAnchor(-TROUBLE.fastBurn.sinceMinutes),
    };
  } else if (scenario.isBrokenPipeline('entity', c.env, entity)) {
    trouble = { ratio: 1, sinceMs: scenario.brokenPipelineSinceMs };
  }
  const runs = sliOutcomeCounters(`${k}/runs`, entity, c.env, 1 / 120, trouble);
  const median = 300 + (hashString(k) % 5) * 60;
  // Names of the official Airflow Helm chart's statsd mapping: successful runs are airflow_dagrun_duration,
  // failed ones airflow_dagrun_failed; timers are summaries with quantiles 0.5, 0.9, 0.99, in seconds.
  for (const [name, outcome, count, scale] of [
    ['airflow_dagrun_duration', 'success', runs.succeeded, 1],
    ['airflow_dagrun_failed', 'failed', runs.failed, 0.6],
  ] as const) {
    QUANTILES.forEach((q, i) => {
      c.add(
        name,
        { ...labels, quantile: q },
        S30,
        gauge(
          `${k}/${outcome}/${q}`,
          median * scale * (1 + i * 0.4),
          median * 0.1,
          1200,
        ),
      );
    });
    c.add(`${name}_count`, labels, S30, count);
    c.add(`${name}_sum`, labels, S30, tMs => count(tMs) * median * scale * 1.1);
  }
  QUANTILES.forEach((q, i) => {
    c.add(
      'airflow_dagrun_schedule_delay',
      { ...labels, quantile: q },
      S30,
      tMs => Math.max(0.2, gauge(`${k}/delay/${q}`, 3 * (1 + i), 2, 600)(tMs)),
    );
  });
  for (const pod of scenario.pods(entity, c.env)) {
    podSeries(
      c,
      scenario,
      entity,
      {
        namespace: base.namespace,
        app: scenario.kubernetesId(entity, c.env) ?? entity.name,
      },
      pod,
      'airflow-worker',
    );
  }
}

function icebergSeries(
  c: Collector,
  scenario: Scenario,
  entity: ScenarioEntity,
) {
  const base = scenario.labels(entity, c.env);
  const table =
    entity.annotation('dataops.io/iceberg-table', c.env) ?? entity.name;
  const labels = { namespace: base.namespace, table };
  const k = c.key(entity.name);
  const bloat = scenario.is(TROUBLE.icebergBloat, c.env, entity);
  const { commitEveryS, snapshotPileUpS } = ICEBERG_TIMING;
  // Snapshots pile up between nightly expire_snapshots runs: a sawtooth over the day.
  const snapshots = (tMs: number) =>
    bloat
      ? TROUBLE.icebergBloat.snapshots
      : 12 + Math.floor(((tMs / 1000) % 86400) / snapshotPileUpS);
  const dataFiles = (tMs: number) =>
    Math.round(gauge(`${k}/files`, 1800, 200, 7200)(tMs));
  const smallRatio = bloat ? TROUBLE.icebergBloat.smallFileRatio : 0.1;
  c.add('iceberg_table_snapshots', labels, M5, snapshots);
  c.add('iceberg_table_data_files', labels, M5, dataFiles);
  c.add('iceberg_table_small_files', labels, M5, tMs =>
    Math.round(dataFiles(tMs) * smallRatio),
  );
  c.add(
    'iceberg_table_metadata_bytes',
    labels,
    M5,
    tMs => snapshots(tMs) * 48 * 1024 + 2 * 1024 * 1024,
  );
  const commits = sliOutcomeCounters(
    `${k}/commits`,
    entity,
    c.env,
    1 / commitEveryS,
  );
  c.add(
    'iceberg_table_commits_total',
    { ...labels, on_time: 'true' },
    M5,
    commits.succeeded,
  );
  c.add(
    'iceberg_table_commits_total',
    { ...labels, on_time: 'false' },
    M5,
    commits.failed,
  );
  const frozen = scenario.isBrokenPipeline('table', c.env, entity);
  c.add('iceberg_table_last_commit_timestamp_seconds', labels, M5, tMs => {
    const s = Math.floor(
      (frozen ? Math.min(tMs, scenario.brokenPipelineSinceMs) : tMs) / 1000,
    );
    return s - (s % commitEveryS);
  });
}

function storageSeries(c: Collector, scenario: Scenario) {
  const storage = scenario.storage(c.env);
  const usage: Record<string, number> = {
    'warehouse-lake': c.env === 'prod' ? 0.82 : 0.55,
  };
  for (const bucket of storage.get('s3') ?? []) {
    const k = c.key('s3', bucket);
    for (const [api, perSecond] of [
      ['GetObject', 40],
      ['PutObject', 10],
      ['ListObjectsV2', 2],
    ] as const) {
      const requests = counter(`${k}/${api}`, perSecond, {
        wobble: 0.5,
        periodS: 1800,
        integer: true,
      });
      c.add('minio_bucket_requests_total', { bucket, api }, M1, requests);
      // Errors follow the request rate (not a wobble of their own), so the error ratio stays near its share
      // instead of swinging across the 0.1% warning line as traffic ebbs.
      c.add(
        'minio_bucket_requests_5xx_errors_total',
        { bucket, api },
        M1,
        tMs => Math.floor(requests(tMs) * S3_ERROR_SHARE),
      );
      // Clients asking for missing objects: 4xx, the client's problem, not counted as MinIO failing.
      c.add(
        'minio_bucket_requests_4xx_errors_total',
        { bucket, api },
        M1,
        tMs => Math.floor(requests(tMs) * 0.003),
      );
      const ttfb = TTFB[api === 'PutObject' ? 'put' : 'get'];
      // MinIO v2 publishes the latency as a counter family with `le`, named _distribution (not _bucket).
      for (const le of TTFB_BUCKETS) {
        c.add(
          'minio_bucket_requests_ttfb_seconds_distribution',
          { bucket, api, le },
          M1,
          tMs => Math.floor(requests(tMs) * cdf(le, ttfb.median, ttfb.spread)),
        );
      }
    }
    c.add(
      'minio_bucket_usage_total_bytes',
      { bucket },
      M1,
      gauge(`${k}/usage`, 10 * TIB * (usage[bucket] ?? 0.6), 0.02 * TIB, 7200),
    );
    c.add('minio_bucket_quota_total_bytes', { bucket }, M1, () => 10 * TIB);
  }
  if (storage.has('hive')) {
    // Metastore timers through the JMX exporter's default rule: milliseconds, one series per percentile.
    for (const [percentile, scale] of [
      ['50thPercentile', 1],
      ['99thPercentile', 4],
    ] as const) {
      c.add(
        `metrics_api_get_table_${percentile}`,
        { type: 'timers' },
        M1,
        tMs =>
          Math.max(
            10,
            1000 *
              gauge(c.key('hive', percentile), 0.12 * scale, 0.05, 900)(tMs),
          ),
      );
    }
    c.add('metrics_open_connections_Count', { type: 'counters' }, M1, tMs =>
      Math.round(gauge(c.key('hive/pool'), 45, 15, 600)(tMs)),
    );
  }
  if (storage.has('oracle')) {
    const fill: Record<string, number> = {
      CRM_TS: c.env === 'prod' ? 0.86 : 0.62,
      WMS_TS: 0.7,
    };
    for (const ts of storage.get('oracle') ?? []) {
      const max = 2 * TIB;
      const labels = { tablespace: ts, type: 'PERMANENT' };
      c.add(
        'oracledb_tablespace_bytes',
        labels,
        M1,
        gauge(c.key('oracle', ts), max * (fill[ts] ?? 0.5), 0.005 * max, 3600),
      );
      c.add('oracledb_tablespace_max_bytes', labels, M1, () => max);
    }
    // v$resource_limit through oracledb_exporter's default metrics: the session limit is the shared pool.
    c.add(
      'oracledb_resource_current_utilization',
      { resource_name: 'sessions' },
      M1,
      tMs => Math.round(gauge(c.key('oracle/pool'), 60, 20, 600)(tMs)),
    );
    c.add(
      'oracledb_resource_limit_value',
      { resource_name: 'sessions' },
      M1,
      () => 150,
    );
    c.add(
      'oracledb_resource_current_utilization',
      { resource_name: 'processes' },
      M1,
      tMs => Math.round(gauge(c.key('oracle/proc'), 80, 10, 600)(tMs)),
    );
    c.add(
      'oracledb_resource_limit_value',
      { resource_name: 'processes' },
      M1,
      () => 300,
    );
  }
  if (storage.has('ceph')) {
    const total = 500 * TIB;
    c.add('ceph_health_status', {}, M1, () => 0);
    c.add('ceph_cluster_total_bytes', {}, M1, () => total);
    c.add(
      'ceph_cluster_total_used_bytes',
      {},
      M1,
      gauge(c.key('ceph/used'), total * 0.58, total * 0.01, 7200),
    );
    // ceph-mgr labels pool series by pool_id; the name lives on ceph_pool_metadata.
    [...(storage.get('ceph') ?? [])].forEach((pool, i) => {
      const poolId = String(i + 1);
      c.add('ceph_pool_metadata', { pool_id: poolId, name: pool }, M1, () => 1);
      c.add(
        'ceph_pool_stored',
        { pool_id: poolId },
        M1,
        gauge(c.key('ceph', pool), 40 * TIB, TIB, 7200),
      );
      c.add(
        'ceph_pool_max_avail',
        { pool_id: poolId },
        M1,
        gauge(c.key('ceph', pool, 'avail'), 70 * TIB, TIB, 7200),
      );
    });
  }
}

/** Every series of one environment, for the entities the catalog places there. */
export function generateSeries(
  scenario: Scenario,
  env: Env,
): GeneratedSeries[] {
  const c = new Collector(scenario, env);
  const entities = scenario.entitiesIn(env);
  for (const entity of entities) {
    c.entity = entity;
    if (entity.type === 'spark-job') sparkSeries(c, scenario, entity);
    if (entity.type === 'airflow-dag') airflowSeries(c, scenario, entity);
    if (entity.type === 'iceberg-table') icebergSeries(c, scenario, entity);
  }
  c.entity = undefined;
  if (entities.some(e => e.type === 'airflow-dag')) {
    c.add(
      'airflow_scheduler_heartbeat',
      { namespace: 'airflow', type: 'counter' },
      S30,
      counter(c.key('heartbeat'), 0.2, { wobble: 0.05, integer: true }),
    );
    // Airflow counts task instances for the whole installation, without a DAG.
    const tasks = outcomeCounters(c.key('ti'), 0.5, 0.002);
    c.add(
      'airflow_ti_successes',
      { namespace: 'airflow' },
      S30,
      tasks.succeeded,
    );
    c.add('airflow_ti_failures', { namespace: 'airflow' }, S30, tasks.failed);
  }
  storageSeries(c, scenario);
  return c.series;
}
