import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import {
  runPromtool,
  seriesValues,
} from '@dataops-observability/plugin-dataops-test-utils';
import {
  EXPORTER_PROFILES,
  renderQuery,
} from '@dataops-observability/plugin-dataops-common';
import type { AlertingRule } from '@dataops-observability/plugin-dataops-rules';
import { buildBundleSpec, MonitoringBundleInput } from './buildBundleSpec';
import { buildRunSlaAlerts } from './runSlaAlerts';
import { buildStorageAlerts } from './storageAlerts';

const spark: MonitoringBundleInput = {
  entityRef: 'component:default/daily-sales-etl',
  type: 'spark-job',
  namespace: 'spark',
  owner: 'group:default/sales-data',
  environments: ['prod'],
  selector: 'namespace="spark",app="daily-sales-etl"',
  storage: 's3:sales-lake,oracle:SALES_TS',
  runSla: '30m',
};
const airflow: MonitoringBundleInput = {
  ...spark,
  entityRef: 'component:default/sales-daily-pipeline',
  type: 'airflow-dag',
  namespace: 'airflow',
  selector: 'namespace="airflow"',
  identity: 'sales_daily_pipeline',
  storage: undefined,
  runSla: '1h',
};

const gauge = (value: number) => `${value}x60`;
const counter = (perMinute: number) =>
  seriesValues([{ minutes: 60, increment: perMinute }]);

/** Writes the rules and a unit test, runs `promtool check rules` and `promtool test rules`. */
async function promtoolFires(
  dir: string,
  name: string,
  rules: AlertingRule[],
  series: Array<{ series: string; values: string }>,
  expected: Array<{ alertname: string; labels: Record<string, string>[] }>,
) {
  const bare = rules.map(({ annotations: _annotations, ...rule }) => rule);
  await writeFile(
    join(dir, `${name}.rules.yaml`),
    stringify({ groups: [{ name, rules: bare }] }, { lineWidth: 0 }),
  );
  await writeFile(
    join(dir, `${name}.test.yaml`),
    stringify({
      rule_files: [`${name}.rules.yaml`],
      evaluation_interval: '1m',
      tests: [
        {
          interval: '1m',
          input_series: series,
          alert_rule_test: expected.map(e => ({
            eval_time: '60m',
            alertname: e.alertname,
            exp_alerts: e.labels.map(l => ({ exp_labels: l })),
          })),
        },
      ],
    }),
  );
  const check = await runPromtool(['check', 'rules', `${name}.rules.yaml`], {
    cwd: dir,
  });
  const result = await runPromtool(['test', 'rules', `${name}.test.yaml`], {
    cwd: dir,
  });
  return {
    check: check.exitCode,
    test: result.exitCode,
    // The output names the failing alert and what promtool got instead.
    output: result.exitCode === 0 ? 'SUCCESS' : result.output,
  };
}

const PASSED = { check: 0, test: 0, output: 'SUCCESS' };

const labelsOf = (rules: AlertingRule[], alert: string, severity: string) =>
  rules.find(r => r.alert === alert && r.labels.severity === severity)!.labels;

describe('storage and run-SLA alerts under the real promtool', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'storage-run-alerts-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('fire on series crossing the storage thresholds, each at its severity only', async () => {
    const rules = buildStorageAlerts(
      buildBundleSpec(spark),
      'prod',
      // As dataops.storage.checks would: the tablespace warns at 60 % instead of 85 %.
      new Map([
        [
          'oracle-tablespace',
          { thresholds: { direction: 'above', warning: 60, critical: 90 } },
        ],
      ]),
    );
    const outcome = await promtoolFires(
      dir,
      'storage',
      rules,
      [
        // 87 % of the bucket quota: past the 85 % critical line, so critical and no warning.
        {
          series: 'minio_bucket_usage_total_bytes{bucket="sales-lake"}',
          values: gauge(87),
        },
        {
          series: 'minio_bucket_quota_total_bytes{bucket="sales-lake"}',
          values: gauge(100),
        },
        // 2 % of requests fail: past the 1 % critical line.
        {
          series: 'minio_bucket_requests_5xx_errors_total{bucket="sales-lake"}',
          values: counter(2),
        },
        {
          series: 'minio_bucket_requests_total{bucket="sales-lake"}',
          values: counter(100),
        },
        // 70 % full: under the default 85 % but over the configured 60 % warning.
        {
          series: 'oracledb_tablespace_bytes{tablespace="SALES_TS"}',
          values: gauge(70),
        },
        {
          series: 'oracledb_tablespace_max_bytes{tablespace="SALES_TS"}',
          values: gauge(100),
        },
      ],
      [
        {
          alertname: 'StorageS3CapacityHigh',
          labels: [labelsOf(rules, 'StorageS3CapacityHigh', 'critical')],
        },
        {
          alertname: 'StorageS3ErrorRateHigh',
          labels: [labelsOf(rules, 'StorageS3ErrorRateHigh', 'critical')],
        },
        {
          alertname: 'StorageOracleTablespaceHigh',
          labels: [labelsOf(rules, 'StorageOracleTablespaceHigh', 'warning')],
        },
        // Nothing published for GET latency: no alert.
        { alertname: 'StorageS3GetLatencyHigh', labels: [] },
      ],
    );
    expect(outcome).toEqual(PASSED);
  }, 60_000);

  it('fire the critical run alert on a Spark run 60 min long against a 30 min SLA', async () => {
    const rules = buildRunSlaAlerts(buildBundleSpec(spark), 'prod');
    const app = 'namespace="spark",app="daily-sales-etl"';
    const outcome = await promtoolFires(
      dir,
      'spark-runs',
      rules,
      [
        // One run ends at minute 30 and took 3600 s.
        {
          series: `spark_application_success_execution_time_seconds_sum{${app}}`,
          values: '0x29 3600x30',
        },
        {
          series: `spark_application_success_execution_time_seconds_count{${app}}`,
          values: '0x29 1x30',
        },
      ],
      [
        {
          alertname: 'DataOpsRunOverSla',
          labels: [labelsOf(rules, 'DataOpsRunOverSla', 'critical')],
        },
      ],
    );
    expect(outcome).toEqual(PASSED);
  }, 60_000);

  it("warn on a Spark job whose runs of the last 24 h average over its SLA, reading the Metrics tab's panel query", async () => {
    const spec = buildBundleSpec(spark);
    const rules = buildRunSlaAlerts(spec, 'prod');
    const panel = renderQuery(
      EXPORTER_PROFILES.get('spark-operator-jmx')!.queries['run-duration']!,
      { matchers: spec.matchers },
    );
    expect(rules.map(r => r.expr)).toEqual([
      `(${panel}) > 2700`,
      `(${panel}) > 1800 and (${panel}) <= 2700`,
    ]);
    const series = (app: string, sum: string, count: string) => [
      {
        series: `spark_application_success_execution_time_seconds_sum{namespace="spark",app="${app}"}`,
        values: sum,
      },
      {
        series: `spark_application_success_execution_time_seconds_count{namespace="spark",app="${app}"}`,
        values: count,
      },
    ];
    const outcome = await promtoolFires(
      dir,
      'spark-mean',
      rules,
      [
        // Runs of 1500 s and 2900 s end at minutes 10 and 40: a mean of 2200 s, over 1800, under 2700.
        ...series('daily-sales-etl', '0x9 1500x29 4400x20', '0x9 1x29 2x20'),
        // Another job of the namespace, far over the SLA: not this entity's.
        ...series('sales-returns-etl', '0x9 9000x50', '0x9 1x50'),
      ],
      [
        {
          alertname: 'DataOpsRunOverSla',
          labels: [labelsOf(rules, 'DataOpsRunOverSla', 'warning')],
        },
      ],
    );
    expect(outcome).toEqual(PASSED);
  }, 60_000);

  it('warn on a DAG run over its SLA but under SLA + 50%', async () => {
    const rules = buildRunSlaAlerts(buildBundleSpec(airflow), 'prod');
    const outcome = await promtoolFires(
      dir,
      'airflow-runs',
      rules,
      [
        // P99 of 4500 s against 1 h: over 3600, under 5400.
        {
          series:
            'airflow_dagrun_duration{namespace="airflow",dag_id="sales_daily_pipeline",quantile="0.99"}',
          values: gauge(4500),
        },
      ],
      [
        {
          alertname: 'DataOpsRunOverSla',
          labels: [labelsOf(rules, 'DataOpsRunOverSla', 'warning')],
        },
      ],
    );
    expect(outcome).toEqual(PASSED);
  }, 60_000);

  it('render no run alert without an SLA, none for a table and none where the Spark profile has no run durations', () => {
    expect(
      buildRunSlaAlerts(buildBundleSpec({ ...spark, runSla: '' }), 'prod'),
    ).toEqual([]);
    expect(
      buildRunSlaAlerts(
        buildBundleSpec({ ...spark, profile: { spark: 'spark-standalone' } }),
        'prod',
      ),
    ).toEqual([]);
    expect(
      buildRunSlaAlerts(
        buildBundleSpec({
          ...spark,
          entityRef: 'resource:default/sales-daily-orders',
          type: 'iceberg-table',
          identity: 'sales.daily_orders',
          selector: 'namespace="iceberg"',
        }),
        'prod',
      ),
    ).toEqual([]);
  });
});
