import type { ExporterProfile, ExporterSeries } from './types';

const STATSD_SOURCE = {
  project: 'prometheus/statsd_exporter',
  version: 'v0.26',
  reference:
    'timers become summaries with quantiles 0.5, 0.9, 0.99 in seconds unless the mapping says otherwise',
  evidence: 'docs' as const,
};

const summary = (name: string, help: string): ExporterSeries => ({
  name,
  type: 'summary',
  labels: ['dag_id', 'quantile'],
  help,
});

const globalCounters: ExporterSeries[] = [
  {
    name: 'airflow_scheduler_heartbeat',
    type: 'counter',
    labels: ['type'],
    help: 'scheduler heartbeats',
  },
  {
    name: 'airflow_ti_failures',
    type: 'counter',
    labels: [],
    help: 'failed task instances of the whole installation (no dag_id)',
  },
  {
    name: 'airflow_ti_successes',
    type: 'counter',
    labels: [],
    help: 'successful task instances of the whole installation (no dag_id)',
  },
];

/**
 * Airflow's StatsD metrics through the statsd exporter with the mapping file the official Airflow Helm chart
 * ships: successful run durations are `airflow_dagrun_duration`, failed ones `airflow_dagrun_failed`.
 * Airflow's `ti_failures` counter has no DAG, so the chart has no per-DAG task failure series.
 */
export const AIRFLOW_STATSD_CHART: ExporterProfile = {
  id: 'airflow-statsd-chart',
  layer: 'airflow',
  exporter:
    'Airflow StatsD -> statsd exporter, mapping of the official Airflow Helm chart',
  sources: [
    {
      project: 'apache/airflow',
      version: 'chart 1.x (chart/files/statsd-mappings.yml at 08db54c)',
      reference: 'chart/files/statsd-mappings.yml',
      evidence: 'source',
    },
    {
      project: 'apache/airflow',
      version: '2.x',
      reference:
        'docs: logging-monitoring/metrics (dagrun.duration.*, ti_failures)',
      evidence: 'docs',
    },
    STATSD_SOURCE,
  ],
  series: [
    summary('airflow_dagrun_duration', 'durations of successful DAG runs'),
    summary('airflow_dagrun_failed', 'durations of failed DAG runs'),
    summary(
      'airflow_dagrun_schedule_delay',
      'delay between schedule and start',
    ),
    ...globalCounters,
  ],
  queries: {
    // A DAG that never failed has no failed-duration series yet (statsd creates it on first use): zero.
    'run-success-rate':
      '100 * sum(increase(airflow_dagrun_duration_count{dag_id="${dag_id}"}[24h])) / (sum(increase(airflow_dagrun_duration_count{dag_id="${dag_id}"}[24h])) + (sum(increase(airflow_dagrun_failed_count{dag_id="${dag_id}"}[24h])) or vector(0)))',
    'run-duration-p95':
      'max(airflow_dagrun_duration{dag_id="${dag_id}",quantile="0.99"})',
    'scheduler-lag':
      'max(airflow_dagrun_schedule_delay{dag_id="${dag_id}",quantile="0.99"})',
  },
  titles: {
    'run-duration-p95': 'DAG run duration P99',
    'scheduler-lag': 'Scheduler lag P99',
  },
  sli: {
    id: 'airflow-dag-run-success',
    name: 'DAG run success',
    description: 'Successful DAG runs / all finished DAG runs',
    goodEvents: ['airflow_dagrun_duration_count{dag_id="${airflowDagId}"}'],
    totalEvents: [
      'airflow_dagrun_duration_count{dag_id="${airflowDagId}"}',
      'airflow_dagrun_failed_count{dag_id="${airflowDagId}"}',
    ],
  },
};

/**
 * The same StatsD metrics with a mapping that keeps the outcome in the name
 * (`airflow.dagrun.duration.<outcome>.<dag_id>` -> `airflow_dagrun_duration_<outcome>{dag_id}`), as seen
 * on the platform.
 */
export const AIRFLOW_STATSD_OUTCOME: ExporterProfile = {
  id: 'airflow-statsd-outcome',
  layer: 'airflow',
  exporter:
    'Airflow StatsD -> statsd exporter, mapping with the outcome in the metric name',
  sources: [
    {
      project: 'apache/airflow',
      version: '2.x',
      reference:
        'docs: logging-monitoring/metrics (dagrun.duration.success.<dag_id>, dagrun.duration.failed.<dag_id>)',
      evidence: 'docs',
    },
    STATSD_SOURCE,
  ],
  requirements: [
    'statsd exporter mapping: airflow.dagrun.duration.success.* -> airflow_dagrun_duration_success{dag_id="$1"}, likewise failed and schedule_delay',
  ],
  series: [
    summary(
      'airflow_dagrun_duration_success',
      'durations of successful DAG runs',
    ),
    summary('airflow_dagrun_duration_failed', 'durations of failed DAG runs'),
    summary(
      'airflow_dagrun_schedule_delay',
      'delay between schedule and start',
    ),
    ...globalCounters,
  ],
  queries: {
    'run-success-rate':
      '100 * sum(increase(airflow_dagrun_duration_success_count{dag_id="${dag_id}"}[24h])) / (sum(increase(airflow_dagrun_duration_success_count{dag_id="${dag_id}"}[24h])) + (sum(increase(airflow_dagrun_duration_failed_count{dag_id="${dag_id}"}[24h])) or vector(0)))',
    'run-duration-p95':
      'max(airflow_dagrun_duration_success{dag_id="${dag_id}",quantile="0.99"})',
    'scheduler-lag':
      'max(airflow_dagrun_schedule_delay{dag_id="${dag_id}",quantile="0.99"})',
  },
  titles: {
    'run-duration-p95': 'DAG run duration P99',
    'scheduler-lag': 'Scheduler lag P99',
  },
  sli: {
    id: 'airflow-dag-run-success',
    name: 'DAG run success',
    description: 'Successful DAG runs / all finished DAG runs',
    goodEvents: [
      'airflow_dagrun_duration_success_count{dag_id="${airflowDagId}"}',
    ],
    totalEvents: [
      'airflow_dagrun_duration_success_count{dag_id="${airflowDagId}"}',
      'airflow_dagrun_duration_failed_count{dag_id="${airflowDagId}"}',
    ],
  },
};
