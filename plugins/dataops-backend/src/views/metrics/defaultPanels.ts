import type { PanelDefinition } from '../shared';

/**
 * Defaults per entity `spec.type` (docs/platform-rules.md, layers 2-5; metric names of docs/metrics-catalogue.md).
 * docs/panels.md lists the same; keep both in step.
 */
export const DEFAULT_PANELS: Record<string, PanelDefinition[]> = {
  'spark-job': [
    {
      id: 'active-jobs',
      title: 'Active jobs',
      unit: 'jobs',
      description: 'Jobs running in the Spark driver (JMX exporter).',
      query: 'sum(spark_driver_active_jobs)',
    },
    {
      id: 'failed-job-rate',
      title: 'Failed jobs (24 h)',
      unit: '%',
      description:
        'Share of finished Spark jobs that failed over the last 24 hours.',
      query:
        '100 * sum(increase(spark_app_jobs_total{status="failed"}[24h])) / sum(increase(spark_app_jobs_total[24h]))',
      thresholds: { direction: 'above', warning: 2, critical: 5 },
    },
    {
      id: 'stage-duration-p95',
      title: 'Stage duration P95',
      unit: 's',
      query:
        'histogram_quantile(0.95, sum by (le) (rate(spark_stage_duration_seconds_bucket[5m])))',
    },
    {
      id: 'gc-time-ratio',
      title: 'GC time ratio',
      unit: '%',
      description:
        'Share of wall time the busiest JVM spends in garbage collection.',
      query:
        '100 * max(sum by (pod) (rate(jvm_gc_collection_seconds_sum[5m])))',
      thresholds: { direction: 'above', warning: 10, critical: 20 },
    },
    {
      id: 'executor-memory',
      title: 'Executor memory',
      unit: '%',
      description:
        'Working set of the fullest pod as a share of its memory limit.',
      query:
        '100 * max(sum by (pod) (container_memory_working_set_bytes) / sum by (pod) (kube_pod_container_resource_limits{resource="memory"}))',
      thresholds: { direction: 'above', warning: 85, critical: 90 },
    },
    {
      id: 'pod-restarts',
      title: 'Pod restarts (1 h)',
      unit: 'restarts',
      query: 'sum(increase(kube_pod_container_status_restarts_total[1h]))',
      thresholds: { direction: 'above', critical: 3 },
    },
    {
      id: 'running-pods',
      title: 'Running pods',
      unit: 'pods',
      query: 'sum(kube_pod_status_phase{phase="Running"})',
      fallbackQuery: 'count(up == 1)',
    },
  ],
  'airflow-dag': [
    {
      id: 'run-success-rate',
      title: 'DAG run success rate (24 h)',
      unit: '%',
      query:
        '100 * sum(increase(airflow_dagrun_duration_success_count{dag_id="${dag_id}"}[24h])) / (sum(increase(airflow_dagrun_duration_success_count{dag_id="${dag_id}"}[24h])) + sum(increase(airflow_dagrun_duration_failed_count{dag_id="${dag_id}"}[24h])))',
      thresholds: { direction: 'below', warning: 98, critical: 95 },
    },
    {
      id: 'run-duration-p95',
      title: 'DAG run duration P95',
      unit: 's',
      query:
        'max(airflow_dagrun_duration_success{dag_id="${dag_id}",quantile="0.95"})',
    },
    {
      id: 'scheduler-lag',
      title: 'Scheduler lag',
      unit: 's',
      query:
        'max(airflow_dagrun_schedule_delay{dag_id="${dag_id}",quantile="0.95"})',
      thresholds: { direction: 'above', warning: 30 },
    },
    {
      id: 'task-failures',
      title: 'Task failures (24 h)',
      unit: 'tasks',
      query: 'sum(increase(airflow_ti_failures{dag_id="${dag_id}"}[24h]))',
    },
  ],
  'iceberg-table': [
    {
      id: 'snapshot-count',
      title: 'Snapshots',
      unit: 'snapshots',
      query: 'max(iceberg_table_snapshots{table="${table}"})',
      thresholds: { direction: 'above', warning: 100 },
    },
    {
      id: 'small-file-ratio',
      title: 'Small-file ratio',
      unit: '%',
      query:
        '100 * max(iceberg_table_small_files{table="${table}"}) / max(iceberg_table_data_files{table="${table}"})',
      thresholds: { direction: 'above', warning: 30 },
    },
    {
      id: 'metadata-size',
      title: 'Metadata size',
      unit: 'bytes',
      query: 'max(iceberg_table_metadata_bytes{table="${table}"})',
    },
    {
      id: 'commits',
      title: 'Commits (1 h)',
      unit: 'commits',
      query: 'sum(increase(iceberg_table_commits_total{table="${table}"}[1h]))',
    },
  ],
};
