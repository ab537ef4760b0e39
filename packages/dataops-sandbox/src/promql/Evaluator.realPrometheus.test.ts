import { generateSeries, MemorySource } from '../prometheus';
import { Faults, loadCatalog, Scenario } from '../scenario';
import { RealPrometheus, startRealPrometheus } from '../realPrometheus';
import { Evaluator } from './Evaluator';
import { labelsKey } from './matchers';
import { Labels, StoredSeries } from './types';

jest.setTimeout(240000);

const HOUR = 3600000;
// Two finished hours in the past: the backfilled blocks must not overlap the live head.
const windowStart = Math.floor(Date.now() / HOUR) * HOUR - 4 * HOUR;
const windowEnd = windowStart + 2 * HOUR;
// Off the scrape grid, so window-edge inclusivity cannot hide a difference.
const evalTime = windowStart + 90 * 60000 + 7000;

const scenario = new Scenario(loadCatalog(), windowStart + HOUR, new Faults('none', ''));
const generated = generateSeries(scenario, 'prod');
const clipped: StoredSeries[] = generated.map(s => ({
  labels: s.labels,
  samples: (mint, maxt) => s.samples(Math.max(mint, windowStart), Math.min(maxt, windowEnd)),
}));
const evaluator = new Evaluator(new MemorySource(clipped));

const QUERIES = [
  'up{namespace="spark"}',
  'up{namespace="spark", app!="daily-sales-etl", pod=~".*driver.*", job!~"airflow.*"}',
  'sum by (app) (rate(spark_application_success_count{namespace="spark"}[5m]))',
  'increase(spark_application_success_count{app="daily-sales-etl"}[1h])',
  'irate(container_cpu_usage_seconds_total{namespace="spark"}[2m])',
  'max(ceph_pool_stored * on (pool_id) group_left (name) ceph_pool_metadata{name="rbd-warehouse"})',
  'histogram_quantile(0.5, rate(minio_bucket_requests_ttfb_seconds_distribution{api="GetObject"}[10m]))',
  'sum by (pod) (rate(jvm_gc_collection_seconds_sum{app="daily-sales-etl"}[5m]))',
  'max(sum without (gc) (rate(jvm_gc_collection_seconds_sum[5m])))',
  'avg_over_time(container_memory_working_set_bytes{app=~"daily.*"}[10m])',
  'max_over_time(spark_driver_dagscheduler_job_activejobs[30m])',
  'min_over_time(metrics_api_get_table_99thPercentile[15m])',
  'container_memory_working_set_bytes / on(namespace, pod, container) group_left kube_pod_container_resource_limits{resource="memory"}',
  'kube_pod_container_resource_limits{resource="cpu"} * on(pod) group_left(app) up',
  'sum without (pod) (spark_application_success_count) > bool 100',
  'count(up{namespace="spark"} == 1)',
  'avg by (namespace) (up)',
  'min by (tablespace) (oracledb_tablespace_bytes / oracledb_tablespace_max_bytes)',
  'sum by (dag_id) (rate(airflow_dagrun_failed_count[1h])) / (sum by (dag_id) (rate(airflow_dagrun_duration_count[1h])) + sum by (dag_id) (rate(airflow_dagrun_failed_count[1h])))',
  'time() - iceberg_table_last_commit_timestamp_seconds',
  'timestamp(up{app="daily-sales-etl"})',
  'scalar(sum(minio_bucket_quota_total_bytes)) / 1e12',
  'vector(1) + 2',
  'clamp_max(minio_bucket_usage_total_bytes / minio_bucket_quota_total_bytes, 0.7)',
  'clamp_min(-abs(metrics_api_get_table_50thPercentile), -200)',
  'rate(minio_bucket_requests_total[5m] offset 10m)',
  'spark_driver_dagscheduler_job_activejobs unless spark_driver_dagscheduler_job_activejobs{app="daily-sales-etl"}',
  'iceberg_table_snapshots > 100 or iceberg_table_data_files < 0',
  'iceberg_table_small_files / ignoring(on_time) iceberg_table_data_files',
  'sum by (app) (spark_application_success_count) - sum by (app) (spark_application_success_count offset 30m)',
  '2 * -metrics_api_get_table_99thPercentile{type="timers"} + 1',
  '1 - (increase(iceberg_table_commits_total{on_time="false"}[1h]) > bool 0)',
  'kube_pod_status_phase{phase!~"Running|Succeeded"} == 1',
  'ceph_pool_stored / (ceph_pool_stored + ceph_pool_max_avail)',
  // The Spark run-duration panel, per job: a 24 h window over two hours of samples.
  'sum by (namespace, app) (increase(spark_application_success_execution_time_seconds_sum[24h])) / sum by (namespace, app) (increase(spark_application_success_execution_time_seconds_count[24h]))',
];

const RANGE_QUERIES = [
  'sum by (app) (rate(spark_application_failure_count[5m]))',
  'label_replace(max(timestamp(iceberg_table_snapshots)), "dataops_input", "0", "", "") or label_replace(max(timestamp(up{namespace="spark"})), "dataops_input", "1", "", "")',
  'avg_over_time(airflow_dagrun_schedule_delay{quantile="0.9"}[5m])',
  // The freshness probe across the end of the scripted stale series (30 minutes before the anchor).
  'label_replace(max(timestamp(jvm_gc_collection_seconds_sum{app="sales-refunds-etl"})), "dataops_input", "0", "", "")',
];

function close(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b), 1e-12);
}

function byLabels(items: Array<{ labels: Labels; v: number }>): Map<string, number> {
  return new Map(items.map(i => [labelsKey(i.labels), i.v]));
}

describe('Evaluator against a real Prometheus over the same samples', () => {
  let real: RealPrometheus;

  beforeAll(async () => {
    real = await startRealPrometheus(generated, windowStart, windowEnd);
  });

  afterAll(async () => {
    await real?.stop();
  });

  async function ask(path: string, params: Record<string, string>) {
    const res = await fetch(`${real.url}${path}`, {
      method: 'POST',
      body: new URLSearchParams(params),
    });
    const body = (await res.json()) as any;
    if (body.status !== 'success') throw new Error(`${params.query}: ${body.error}`);
    return body.data;
  }

  it.each(QUERIES)('instant query %s matches', async query => {
    const expected = await ask('/api/v1/query', { query, time: String(evalTime / 1000) });
    const actual = evaluator.instant(query, evalTime);
    expect(actual.type).toBe(expected.resultType);
    const asSeries = (v: typeof actual) => {
      if (v.type === 'scalar') return [{ labels: {}, v: v.v }];
      return v.type === 'vector' ? v.series : [];
    };
    const mine = byLabels(asSeries(actual));
    const theirs = byLabels(
      expected.resultType === 'scalar'
        ? [{ labels: {}, v: Number(expected.result[1]) }]
        : expected.result.map((r: any) => ({ labels: r.metric, v: Number(r.value[1]) })),
    );
    expect([...mine.keys()].sort()).toEqual([...theirs.keys()].sort());
    for (const [key, v] of theirs) {
      if (!close(mine.get(key)!, v)) {
        throw new Error(`${query}: ${key} evaluator ${mine.get(key)} != prometheus ${v}`);
      }
    }
  });

  it.each(RANGE_QUERIES)('range query %s matches', async query => {
    const start = windowStart + 30 * 60000;
    const end = windowEnd - 10 * 60000;
    const expected = await ask('/api/v1/query_range', { query, start: String(start / 1000), end: String(end / 1000), step: '60' });
    const actual = evaluator.range(query, start, end, 60000);
    expect(actual.length).toBe(expected.result.length);
    expect(actual.length).toBeGreaterThan(0);
    const mine = new Map(actual.map(s => [labelsKey(s.labels), s.samples]));
    for (const r of expected.result) {
      const samples = mine.get(labelsKey(r.metric));
      expect(samples?.length).toBe(r.values.length);
      r.values.forEach(([t, v]: [number, string], i: number) => {
        expect(samples![i].t).toBe(Math.round(t * 1000));
        expect(close(samples![i].v, Number(v))).toBe(true);
      });
    }
  });

  it('has data for the queries, so the comparison is not vacuous', () => {
    const nonEmpty = QUERIES.filter(q => {
      const v = evaluator.instant(q, evalTime);
      return v.type !== 'vector' || v.series.length > 0;
    });
    expect(nonEmpty.length).toBeGreaterThanOrEqual(QUERIES.length - 2);
  });
});
