import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  EXPORTER_PROFILES,
  MetricPanel,
  StorageCheck,
} from '@dataops-observability/plugin-dataops-common';
import {
  PrometheusWithHistory,
  SeriesHistory,
  counterSamples,
  startPrometheusWithHistory,
  toOpenMetrics,
} from '@dataops-observability/plugin-dataops-test-utils';
import request from 'supertest';
import { dataopsPlugin } from '../plugin';

jest.setTimeout(300_000);

const STEP = 60;
const TIB = 1024 ** 4;
const GIB = 1024 ** 3;
const END = Math.floor(Date.now() / 1000 / STEP) * STEP - 120;
const START = END - 3 * 3600;

/**
 * Two stacks cover every profile: `stack-a` is the default stack, `stack-b` the alternatives (Spark standalone,
 * Airflow with the outcome in the name, MinIO v3). `gaps` is the default stack with series removed or stopped.
 */
const STACK_B = {
  spark: 'spark-standalone',
  airflow: 'airflow-statsd-outcome',
  s3: 'minio-v3',
};

type Add = (
  metric: string,
  labels: Record<string, string>,
  kind: 'gauge' | 'counter',
  value: number,
  until?: number,
) => void;

function collector(env: string, series: SeriesHistory[]): Add {
  return (metric, labels, kind, value, until = END) => {
    const samples: Array<[number, number]> =
      kind === 'counter'
        ? counterSamples({
            start: START,
            end: until,
            step: STEP,
            increment: () => value,
          })
        : [];
    if (kind === 'gauge') {
      for (let t = START; t <= until; t += STEP) samples.push([t, value]);
    }
    series.push({ metric, labels: { env, ...labels }, samples });
  };
}

const SPARK = { namespace: 'spark', app: 'daily-sales-etl' };
const AIRFLOW = { namespace: 'airflow', dag_id: 'daily_sales' };
const ICEBERG = { namespace: 'iceberg', table: 'sales.orders' };

/** Series named exactly as each exporter publishes them; values chosen so every panel's value is known. */
function kubernetes(add: Add) {
  const pod = { ...SPARK, pod: 'daily-sales-etl-driver', container: 'spark' };
  add('container_memory_working_set_bytes', pod, 'gauge', 3 * GIB);
  add(
    'kube_pod_container_resource_limits',
    { ...pod, resource: 'memory', unit: 'byte' },
    'gauge',
    4 * GIB,
  );
  add('kube_pod_container_status_restarts_total', pod, 'counter', 0.05);
  for (const [name, phase, v] of [
    ['daily-sales-etl-driver', 'Running', 1],
    ['daily-sales-etl-exec-1', 'Running', 1],
    ['daily-sales-etl-exec-2', 'Pending', 1],
  ] as const) {
    add('kube_pod_status_phase', { ...SPARK, pod: name, phase }, 'gauge', v);
  }
}

function iceberg(add: Add, snapshotsUntil = END) {
  add('iceberg_table_snapshots', ICEBERG, 'gauge', 42, snapshotsUntil);
  add('iceberg_table_data_files', ICEBERG, 'gauge', 1000);
  add('iceberg_table_small_files', ICEBERG, 'gauge', 300);
  add('iceberg_table_metadata_bytes', ICEBERG, 'gauge', 5_000_000);
  add(
    'iceberg_table_commits_total',
    { ...ICEBERG, on_time: 'true' },
    'counter',
    2,
  );
  add(
    'iceberg_table_last_commit_timestamp_seconds',
    ICEBERG,
    'gauge',
    END - 600,
  );
}

function storage(add: Add, minio: 'v2' | 'v3', withMaxAvail = true) {
  const bucket = { bucket: 'sales-lake', server: 'minio-0:9000' };
  const names =
    minio === 'v2'
      ? {
          total: 'minio_bucket_requests_total',
          errors: 'minio_bucket_requests_5xx_errors_total',
          ttfb: 'minio_bucket_requests_ttfb_seconds_distribution',
          api: 'api',
        }
      : {
          total: 'minio_bucket_api_total',
          errors: 'minio_bucket_api_5xx_errors_total',
          ttfb: 'minio_bucket_api_ttfb_seconds_distribution',
          api: 'name',
        };
  for (const [api, lowest] of [
    ['GetObject', 0.05],
    ['PutObject', 0.25],
  ] as const) {
    const labels = { ...bucket, [names.api]: api };
    add(names.total, labels, 'counter', 100);
    add(names.errors, labels, 'counter', api === 'GetObject' ? 1 : 0);
    for (const le of ['0.025', '0.05', '0.1', '0.25', '+Inf']) {
      const inside = le === '+Inf' || Number(le) >= lowest;
      add(names.ttfb, { ...labels, le }, 'counter', inside ? 100 : 0);
    }
  }
  if (minio === 'v2') {
    add(
      'minio_bucket_usage_total_bytes',
      { bucket: 'sales-lake' },
      'gauge',
      8.2 * TIB,
    );
    add(
      'minio_bucket_quota_total_bytes',
      { bucket: 'sales-lake' },
      'gauge',
      10 * TIB,
    );
  } else {
    add(
      'minio_cluster_usage_buckets_total_bytes',
      { bucket: 'sales-lake' },
      'gauge',
      8.2 * TIB,
    );
    add(
      'minio_cluster_usage_buckets_quota_total_bytes',
      { bucket: 'sales-lake' },
      'gauge',
      10 * TIB,
    );
  }
  add('metrics_api_get_table_99thPercentile', { type: 'timers' }, 'gauge', 400);
  add(
    'oracledb_tablespace_bytes',
    { tablespace: 'SALES_TS', type: 'PERMANENT' },
    'gauge',
    1.82 * TIB,
  );
  add(
    'oracledb_tablespace_max_bytes',
    { tablespace: 'SALES_TS', type: 'PERMANENT' },
    'gauge',
    2 * TIB,
  );
  add(
    'oracledb_resource_current_utilization',
    { resource_name: 'sessions' },
    'gauge',
    60,
  );
  add(
    'oracledb_resource_limit_value',
    { resource_name: 'sessions' },
    'gauge',
    150,
  );
  add('ceph_health_status', {}, 'gauge', 0);
  add(
    'ceph_pool_metadata',
    { pool_id: '1', name: 'rbd-warehouse' },
    'gauge',
    1,
  );
  add('ceph_pool_stored', { pool_id: '1' }, 'gauge', 40 * TIB);
  if (withMaxAvail) {
    add('ceph_pool_max_avail', { pool_id: '1' }, 'gauge', 60 * TIB);
  }
  add('ceph_cluster_total_used_bytes', {}, 'gauge', 58 * TIB);
  add('ceph_cluster_total_bytes', {}, 'gauge', 100 * TIB);
}

function history(): SeriesHistory[] {
  const series: SeriesHistory[] = [];
  for (const env of ['stack-a', 'gaps']) {
    const add = collector(env, series);
    const gaps = env === 'gaps';
    if (!gaps) {
      add(
        'spark_driver_dagscheduler_job_activejobs',
        { ...SPARK, app_namespace: 'spark', app_name: 'daily-sales-etl' },
        'gauge',
        3,
      );
    }
    add('spark_application_success_count', SPARK, 'counter', 19);
    add('spark_application_failure_count', SPARK, 'counter', 1);
    // The operator's run-time summary (no quantiles): each of the 19 successful runs a minute took 600 s.
    add(
      'spark_application_success_execution_time_seconds_count',
      SPARK,
      'counter',
      19,
    );
    add(
      'spark_application_success_execution_time_seconds_sum',
      SPARK,
      'counter',
      19 * 600,
    );
    for (const [pod, perMinute] of [
      ['daily-sales-etl-driver', 3],
      ['daily-sales-etl-exec-1', 0.6],
    ] as const) {
      add(
        'jvm_gc_collection_seconds_sum',
        { ...SPARK, pod, gc: 'G1 Young Generation' },
        'counter',
        perMinute,
      );
    }
    kubernetes(add);
    add('airflow_dagrun_duration_count', AIRFLOW, 'counter', 49);
    add('airflow_dagrun_failed_count', AIRFLOW, 'counter', 1);
    add(
      'airflow_dagrun_duration',
      { ...AIRFLOW, quantile: '0.99' },
      'gauge',
      600,
    );
    add(
      'airflow_dagrun_schedule_delay',
      { ...AIRFLOW, quantile: '0.99' },
      'gauge',
      12,
    );
    // In `gaps` the table exporter stopped 30 minutes before the end of the range.
    iceberg(add, gaps ? END - 1800 : END);
    storage(add, 'v2', !gaps);
  }
  const add = collector('stack-b', series);
  const exec = {
    ...SPARK,
    application_id: 'app-20261205-0001',
    application_name: 'daily-sales-etl',
    executor_id: '1',
  };
  add(
    'metrics_master_aliveWorkers_Value',
    { ...SPARK, type: 'gauges' },
    'gauge',
    4,
  );
  add('metrics_executor_totalGCTime_seconds_total', exec, 'counter', 6);
  add('metrics_executor_totalDuration_seconds_total', exec, 'counter', 60);
  add('metrics_executor_failedTasks_total', exec, 'counter', 1);
  add('metrics_executor_completedTasks_total', exec, 'counter', 99);
  kubernetes(add);
  // A DAG that never failed: no failed-duration series at all, as the statsd exporter does.
  add('airflow_dagrun_duration_success_count', AIRFLOW, 'counter', 50);
  add(
    'airflow_dagrun_duration_success',
    { ...AIRFLOW, quantile: '0.99' },
    'gauge',
    900,
  );
  add(
    'airflow_dagrun_schedule_delay',
    { ...AIRFLOW, quantile: '0.99' },
    'gauge',
    45,
  );
  iceberg(add);
  storage(add, 'v3');
  return series;
}

function entity(
  kind: string,
  name: string,
  type: string,
  annotations: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', annotations },
    spec: { type, owner: 'sales-data', lifecycle: 'production' },
  };
}

const entities = [
  entity('Component', 'daily-sales-etl', 'spark-job', {
    'dataops.io/prometheus-selector': 'namespace="spark",app="daily-sales-etl"',
    'dataops.io/spark-app-name': 'daily-sales-etl',
    'dataops.io/run-sla': '15m',
  }),
  entity('Component', 'daily-sales-dag', 'airflow-dag', {
    'dataops.io/prometheus-selector': 'namespace="airflow"',
    'dataops.io/airflow-dag-id': 'daily_sales',
  }),
  entity('Resource', 'sales-orders', 'iceberg-table', {
    'dataops.io/prometheus-selector': 'namespace="iceberg"',
    'dataops.io/iceberg-table': 'sales.orders',
    'dataops.io/storage':
      's3:sales-lake,hive:metastore,oracle:SALES_TS,ceph:rbd-warehouse',
  }),
];

/** Values known by construction, per environment, panel or check id. */
const EXPECTED_PANELS: Record<
  string,
  Record<string, Record<string, number>>
> = {
  'stack-a': {
    'daily-sales-etl': {
      'active-jobs': 3,
      'failed-job-rate': 5,
      'run-duration': 600,
      'gc-time-ratio': 5,
      'executor-memory': 75,
      'pod-restarts': 3,
      'running-pods': 2,
    },
    'daily-sales-dag': {
      'run-success-rate': 98,
      'run-duration-p95': 600,
      'scheduler-lag': 12,
    },
    'sales-orders': {
      'snapshot-count': 42,
      'small-file-ratio': 30,
      'metadata-size': 5_000_000,
      commits: 120,
    },
  },
  'stack-b': {
    'daily-sales-etl': {
      'alive-workers': 4,
      'gc-time-ratio': 10,
      'failed-task-rate': 1,
      'executor-memory': 75,
      'pod-restarts': 3,
      'running-pods': 2,
    },
    'daily-sales-dag': {
      'run-success-rate': 100,
      'run-duration-p95': 900,
      'scheduler-lag': 45,
    },
    'sales-orders': {
      'snapshot-count': 42,
      'small-file-ratio': 30,
      'metadata-size': 5_000_000,
      commits: 120,
    },
  },
};

/** Values known by construction per check; Ceph health is reported as a word. */
const EXPECTED_CHECKS: Record<string, unknown> = {
  'iceberg-snapshots@sales.orders': expect.closeTo(42, 6),
  'iceberg-small-files@sales.orders': expect.closeTo(30, 6),
  'iceberg-metadata-size@sales.orders': expect.closeTo(5_000_000, 6),
  'iceberg-data-files@sales.orders': expect.closeTo(1000, 6),
  'iceberg-last-commit-age@sales.orders': expect.closeTo(600, 6),
  's3-get-latency@sales-lake': expect.closeTo(48.75, 6),
  's3-put-latency@sales-lake': expect.closeTo(242.5, 6),
  's3-error-rate@sales-lake': expect.closeTo(0.5, 6),
  's3-capacity@sales-lake': expect.closeTo(82, 6),
  'hive-response-time@metastore': expect.closeTo(0.4, 6),
  'oracle-tablespace@SALES_TS': expect.closeTo(91, 6),
  'oracle-connection-pool@SALES_TS': expect.closeTo(40, 6),
  'ceph-health@rbd-warehouse': 'HEALTH_OK',
  'ceph-pool-capacity@rbd-warehouse': expect.closeTo(40, 6),
  'ceph-cluster-capacity@rbd-warehouse': expect.closeTo(58, 6),
};

describe('exporter profiles against a real Prometheus', () => {
  let prometheus: PrometheusWithHistory;
  let server: any;

  beforeAll(async () => {
    prometheus = await startPrometheusWithHistory(toOpenMetrics(history()));
    const env = (name: string, profile?: object) => ({
      name,
      timeoutMs: 20_000,
      thanos: { url: prometheus.url, extraSelector: `env="${name}"` },
      ...(profile ? { profile } : {}),
    });
    ({ server } = await startTestBackend({
      features: [
        dataopsPlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({
          data: {
            dataops: {
              environments: [
                env('stack-a'),
                env('stack-b', STACK_B),
                env('gaps'),
              ],
            },
          },
        }),
      ],
    }));
  });

  afterAll(async () => {
    await prometheus?.stop();
  });

  const range = `from=${new Date(
    (END - 3600) * 1000,
  ).toISOString()}&to=${new Date(END * 1000).toISOString()}&step=${STEP}`;

  async function view(
    kind: string,
    name: string,
    viewName: string,
    env: string,
  ) {
    const res = await request(server).get(
      `/api/dataops/v1/entity/default/${kind}/${name}/${viewName}?env=${env}&${range}`,
    );
    expect(res.status).toBe(200);
    const entry = res.body.environments[0];
    expect(entry.status).toBe('ok');
    return entry.data;
  }

  it.each(['stack-a', 'stack-b'])(
    '%s: every default panel of the selected profiles is ok with the value known by construction',
    async env => {
      for (const e of entities) {
        const data = await view(
          e.kind.toLowerCase(),
          e.metadata.name,
          'metrics',
          env,
        );
        const want = EXPECTED_PANELS[env][e.metadata.name];
        const got = new Map<string, MetricPanel>(
          data.panels.map((p: MetricPanel) => [p.id, p]),
        );
        expect([...got.keys()].sort()).toEqual(Object.keys(want).sort());
        for (const [id, value] of Object.entries(want)) {
          const panel = got.get(id)!;
          expect({ id, state: panel.state }).toEqual({ id, state: 'ok' });
          expect(panel.lastValue).toBeCloseTo(value, 6);
          expect(panel.newestSampleAgeSeconds).toBeLessThanOrEqual(STEP);
        }
      }
    },
  );

  it("judges the Spark job's run duration by its dataops.io/run-sla", async () => {
    const data = await view(
      'component',
      'daily-sales-etl',
      'metrics',
      'stack-a',
    );
    const panel = data.panels.find((p: MetricPanel) => p.id === 'run-duration');
    // 600 s against 15 min: under the SLA (900 s), critical past SLA + 50%.
    expect(panel).toMatchObject({
      title: 'Run duration (24 h mean)',
      unit: 's',
      level: 'healthy',
      thresholds: { direction: 'above', warning: 900, critical: 1350 },
    });
    expect(panel.description).toContain('Thresholds from dataops.io/run-sla.');
  });

  it.each(['stack-a', 'stack-b'])(
    '%s: every storage check of the selected profiles is ok with the value known by construction',
    async env => {
      const data = await view('resource', 'sales-orders', 'storage', env);
      const got = new Map<string, StorageCheck>(
        data.checks.map((c: StorageCheck) => [c.id, c]),
      );
      expect([...got.keys()].sort()).toEqual(
        Object.keys(EXPECTED_CHECKS).sort(),
      );
      for (const [id, value] of Object.entries(EXPECTED_CHECKS)) {
        const check = got.get(id)!;
        expect({ id, state: check.state }).toEqual({ id, state: 'ok' });
        expect({ id, value: check.value }).toEqual({ id, value });
      }
      expect(got.get('s3-error-rate@sales-lake')!.query).toContain(
        env === 'stack-a'
          ? 'minio_bucket_requests_5xx_errors_total'
          : 'minio_bucket_api_5xx_errors_total',
      );
    },
  );

  it('covers every profile the suite ships', () => {
    const used = new Set([
      ...Object.values({
        spark: 'spark-operator-jmx',
        kubernetes: 'kube-state-metrics-cadvisor',
        airflow: 'airflow-statsd-chart',
        iceberg: 'iceberg-table-exporter',
        s3: 'minio-v2',
        hive: 'hive-metastore-jmx',
        oracle: 'oracledb-exporter',
        ceph: 'ceph-mgr',
      }),
      ...Object.values(STACK_B),
    ]);
    expect([...EXPORTER_PROFILES.keys()].sort()).toEqual([...used].sort());
  });

  it('says not-collected naming the series when an exporter series is missing', async () => {
    const spark = await view('component', 'daily-sales-etl', 'metrics', 'gaps');
    const active = spark.panels.find(
      (p: MetricPanel) => p.id === 'active-jobs',
    );
    expect(active).toMatchObject({ state: 'not-collected', level: 'unknown' });
    expect(active.stateReason).toContain(
      'spark_driver_dagscheduler_job_activejobs',
    );
    const checks = await view('resource', 'sales-orders', 'storage', 'gaps');
    const pool = checks.checks.find(
      (c: StorageCheck) => c.id === 'ceph-pool-capacity@rbd-warehouse',
    );
    expect(pool.state).toBe('not-collected');
    expect(pool.stateReason).toContain('ceph_pool_max_avail');
  });

  it('marks a series that stopped 30 minutes before the end of the range stale, with its age', async () => {
    const table = await view('resource', 'sales-orders', 'metrics', 'gaps');
    const snapshots = table.panels.find(
      (p: MetricPanel) => p.id === 'snapshot-count',
    );
    expect(snapshots).toMatchObject({
      state: 'stale',
      level: 'unknown',
      lastValue: 42,
      newestSampleAgeSeconds: 1800,
    });
    expect(snapshots.stateReason).toContain('newest sample is 30 min old');
    // The table's other panels read series that are still current.
    expect(
      table.panels
        .filter((p: MetricPanel) => p.id !== 'snapshot-count')
        .map((p: MetricPanel) => p.state),
    ).toEqual(['ok', 'ok', 'ok']);
    const storageData = await view(
      'resource',
      'sales-orders',
      'storage',
      'gaps',
    );
    const check = storageData.checks.find(
      (c: StorageCheck) => c.id === 'iceberg-snapshots@sales.orders',
    );
    expect(check).toMatchObject({
      state: 'stale',
      level: 'unknown',
      value: 42,
      newestSampleAgeSeconds: 1800,
    });
    const summary = await request(server).get(
      `/api/dataops/v1/entity/default/resource/sales-orders/summary?env=gaps&${range}`,
    );
    const areas = summary.body.environments[0].data.areas;
    expect(areas.metrics.level).toBe('healthy');
    expect(areas.metrics.reason).toContain('Snapshots stale');
  });

  it('lists, per environment, the series the panels, SLIs and checks need and which are missing', async () => {
    const res = await request(server).get('/api/dataops/v1/inventory');
    expect(res.status).toBe(200);
    const byEnv = new Map<string, any>(
      res.body.environments.map((e: any) => [e.env, e]),
    );
    expect(byEnv.get('stack-a')).toMatchObject({ status: 'ok', missing: [] });
    expect(byEnv.get('stack-b').profile).toMatchObject(STACK_B);
    // stack-b's DAG never failed: the failed-run counter does not exist yet, which is listed, not hidden.
    expect(byEnv.get('stack-b').missing).toEqual([
      'airflow_dagrun_duration_failed_count',
    ]);
    const gaps = byEnv.get('gaps');
    expect(gaps.missing).toEqual([
      'ceph_pool_max_avail',
      'spark_driver_dagscheduler_job_activejobs',
    ]);
    const consumer = (kind: string, id: string) =>
      gaps.consumers.find((c: any) => c.kind === kind && c.id === id);
    expect(consumer('panel', 'active-jobs')).toMatchObject({
      scope: 'spark-job',
      series: [
        { name: 'spark_driver_dagscheduler_job_activejobs', found: false },
      ],
      notCollectedEntities: ['component:default/daily-sales-etl'],
    });
    expect(consumer('storage-check', 'ceph-pool-capacity')).toMatchObject({
      scope: 'ceph',
      notCollectedEntities: ['resource:default/sales-orders'],
    });
    expect(consumer('sli', 'spark-app-run-success')).toMatchObject({
      series: [
        { name: 'spark_application_failure_count', found: true },
        { name: 'spark_application_success_count', found: true },
      ],
      notCollectedEntities: [],
    });
  });

  it('filters the inventory by environment and entity type and refuses unknown ones by name', async () => {
    const res = await request(server).get(
      '/api/dataops/v1/inventory?env=gaps&type=airflow-dag',
    );
    expect(res.status).toBe(200);
    expect(res.body.environments.map((e: any) => e.env)).toEqual(['gaps']);
    const scopes = new Set(
      res.body.environments[0].consumers.map((c: any) => c.scope),
    );
    expect(scopes.has('airflow-dag')).toBe(true);
    expect(scopes.has('spark-job')).toBe(false);
    const badEnv = await request(server).get(
      '/api/dataops/v1/inventory?env=qa',
    );
    expect(badEnv.status).toBe(400);
    expect(badEnv.body.error.message).toBe(
      "Unknown environment 'qa'; configured: stack-a, stack-b, gaps",
    );
    const badType = await request(server).get(
      '/api/dataops/v1/inventory?type=kafka-topic',
    );
    expect(badType.status).toBe(400);
    expect(badType.body.error.message).toContain(
      "Unknown entity type 'kafka-topic'",
    );
  });
});
