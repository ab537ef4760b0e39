import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import {
  runPromtool,
  seriesValues,
} from '@dataops-observability/plugin-dataops-test-utils';
import { buildBundleSpec, MonitoringBundleInput } from './buildBundleSpec';
import { buildLayerAlerts } from './layerAlerts';

const spark: MonitoringBundleInput = {
  entityRef: 'component:default/daily-sales-etl',
  type: 'spark-job',
  namespace: 'spark',
  owner: 'group:default/sales-data',
  environments: ['prod'],
  selector: 'namespace="spark",app="daily-sales-etl"',
  identity: 'daily-sales-etl',
};
const airflow: MonitoringBundleInput = {
  ...spark,
  entityRef: 'component:default/sales-daily-pipeline',
  type: 'airflow-dag',
  namespace: 'airflow',
  selector: 'namespace="airflow"',
  identity: 'sales_daily_pipeline',
};

const counter = (perMinute: number) =>
  seriesValues([{ minutes: 60, increment: perMinute }]);
const gauge = (value: number) => `${value}x60`;

/**
 * Per exporter profile, series named exactly as that exporter publishes them (docs/metrics-catalogue.md)
 * and the workload alerts they must fire after an hour. 10 % of runs failing is above the 5 % default,
 * 25 % or 50 % of time in GC above 20 %, 90 % of DAG runs succeeding below 95 %, a 45 s lag above 30 s.
 */
const CASES: Array<{
  profile: string;
  input: MonitoringBundleInput;
  series: Array<{ series: string; values: string }>;
  firing: string[];
}> = [
  {
    profile: 'spark-operator-jmx',
    input: spark,
    series: [
      {
        series:
          'spark_application_success_count{namespace="spark",app="daily-sales-etl"}',
        values: counter(9),
      },
      {
        series:
          'spark_application_failure_count{namespace="spark",app="daily-sales-etl"}',
        values: counter(1),
      },
      {
        series:
          'jvm_gc_collection_seconds_sum{namespace="spark",app="daily-sales-etl",pod="driver",gc="G1 Young Generation"}',
        values: counter(15),
      },
    ],
    firing: ['SparkJobFailureRateHigh', 'SparkGcTimeHigh'],
  },
  {
    profile: 'spark-standalone',
    input: { ...spark, profile: { spark: 'spark-standalone' } },
    series: [
      {
        series:
          'metrics_executor_totalGCTime_seconds_total{namespace="spark",app="daily-sales-etl",application_name="daily-sales-etl",executor_id="1"}',
        values: counter(30),
      },
      {
        series:
          'metrics_executor_totalDuration_seconds_total{namespace="spark",app="daily-sales-etl",application_name="daily-sales-etl",executor_id="1"}',
        values: counter(60),
      },
    ],
    firing: ['SparkGcTimeHigh'],
  },
  {
    profile: 'airflow-statsd-chart',
    input: airflow,
    series: [
      {
        series:
          'airflow_dagrun_duration_count{namespace="airflow",dag_id="sales_daily_pipeline"}',
        values: counter(9),
      },
      {
        series:
          'airflow_dagrun_failed_count{namespace="airflow",dag_id="sales_daily_pipeline"}',
        values: counter(1),
      },
      {
        series:
          'airflow_dagrun_schedule_delay{namespace="airflow",dag_id="sales_daily_pipeline",quantile="0.99"}',
        values: gauge(45),
      },
    ],
    firing: ['AirflowDagSuccessRateLow', 'AirflowSchedulerLagHigh'],
  },
  {
    profile: 'airflow-statsd-outcome',
    input: { ...airflow, profile: { airflow: 'airflow-statsd-outcome' } },
    series: [
      {
        series:
          'airflow_dagrun_duration_success_count{namespace="airflow",dag_id="sales_daily_pipeline"}',
        values: counter(9),
      },
      {
        series:
          'airflow_dagrun_duration_failed_count{namespace="airflow",dag_id="sales_daily_pipeline"}',
        values: counter(1),
      },
      {
        series:
          'airflow_dagrun_schedule_delay{namespace="airflow",dag_id="sales_daily_pipeline",quantile="0.99"}',
        values: gauge(45),
      },
    ],
    firing: ['AirflowDagSuccessRateLow', 'AirflowSchedulerLagHigh'],
  },
];

describe('workload alerts under the real promtool', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'layer-alerts-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(CASES.map(c => [c.profile, c] as const))(
    'fire on the series the %s profile publishes',
    async (profile, c) => {
      const rules = buildLayerAlerts(buildBundleSpec(c.input), 'prod');
      // Annotations are templates over the value; the expressions and labels are what is under test.
      const bare = rules.map(({ annotations: _annotations, ...rule }) => rule);
      await writeFile(
        join(dir, `${profile}.rules.yaml`),
        stringify(
          { groups: [{ name: profile, rules: bare }] },
          { lineWidth: 0 },
        ),
      );
      const tests = {
        rule_files: [`${profile}.rules.yaml`],
        evaluation_interval: '1m',
        tests: [
          {
            interval: '1m',
            input_series: c.series,
            alert_rule_test: c.firing.map(alertname => {
              const rule = rules.find(r => r.alert === alertname)!;
              return {
                eval_time: '60m',
                alertname,
                exp_alerts: [{ exp_labels: rule.labels }],
              };
            }),
          },
        ],
      };
      await writeFile(join(dir, `${profile}.test.yaml`), stringify(tests));
      const check = await runPromtool(
        ['check', 'rules', `${profile}.rules.yaml`],
        {
          cwd: dir,
        },
      );
      expect(check.exitCode).toBe(0);
      const result = await runPromtool(
        ['test', 'rules', `${profile}.test.yaml`],
        {
          cwd: dir,
        },
      );
      expect(result.output).toContain('SUCCESS');
      expect(result.exitCode).toBe(0);
    },
    60_000,
  );
});
