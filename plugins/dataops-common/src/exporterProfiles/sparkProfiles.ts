import type { ExporterProfile } from './types';

/**
 * Spark on Kubernetes run by the Kubeflow Spark operator: application outcomes from the operator's own
 * metrics endpoint, driver gauges through the Prometheus JMX exporter with the operator's bundled rule file,
 * JVM garbage collection from the JMX exporter's built-in JVM collectors.
 */
export const SPARK_OPERATOR_JMX: ExporterProfile = {
  id: 'spark-operator-jmx',
  layer: 'spark',
  exporter:
    'Kubeflow Spark operator metrics + Prometheus JMX exporter (operator rule file) on driver and executors',
  sources: [
    {
      project: 'kubeflow/spark-operator',
      version: 'v2.x (internal/metrics at 01ebf23)',
      reference:
        'internal/metrics/sparkapplication_metrics.go, pkg/common/metrics.go',
      evidence: 'source',
    },
    {
      project: 'kubeflow/spark-operator',
      version: 'spark-docker/conf/prometheus.yaml at 13234a1',
      reference: 'JMX exporter rules: lowercaseOutputName, spark_driver_$3_$4',
      evidence: 'source',
    },
  ],
  requirements: [
    'the operator runs with --metrics-labels=app so its counters carry the SparkApplication label app',
    'driver pods are scraped with the target labels namespace, pod and app (PodMonitor podTargetLabels)',
  ],
  series: [
    {
      name: 'spark_application_success_count',
      type: 'counter',
      labels: ['namespace', 'app'],
      help: 'SparkApplications that completed',
    },
    {
      name: 'spark_application_failure_count',
      type: 'counter',
      labels: ['namespace', 'app'],
      help: 'SparkApplications that failed',
    },
    {
      name: 'spark_application_success_execution_time_seconds',
      type: 'summary',
      labels: ['namespace', 'app'],
      help: 'seconds from last submission to termination of completed SparkApplications (no quantiles)',
    },
    {
      name: 'spark_application_failure_execution_time_seconds',
      type: 'summary',
      labels: ['namespace', 'app'],
      help: 'seconds from last submission to termination of failed SparkApplications (no quantiles)',
    },
    {
      name: 'spark_application_running_count',
      type: 'gauge',
      labels: ['namespace', 'app'],
      help: 'SparkApplications running now',
    },
    {
      name: 'spark_driver_dagscheduler_job_activejobs',
      type: 'gauge',
      labels: ['app_namespace', 'app_name'],
      help: 'jobs running in the driver (DAGScheduler job.activeJobs)',
    },
    {
      name: 'spark_driver_dagscheduler_stage_failedstages',
      type: 'gauge',
      labels: ['app_namespace', 'app_name'],
      help: 'failed stages of the application (DAGScheduler stage.failedStages)',
    },
    {
      name: 'spark_executor_threadpool_activetasks',
      type: 'gauge',
      labels: ['app_namespace', 'app_name', 'executor_id'],
      help: 'tasks running in an executor',
    },
    {
      name: 'jvm_gc_collection_seconds',
      type: 'summary',
      labels: ['gc'],
      help: 'time spent in garbage collection per collector (JMX exporter JVM collectors)',
    },
  ],
  queries: {
    'active-jobs': 'sum(spark_driver_dagscheduler_job_activejobs)',
    'failed-job-rate':
      '100 * sum(increase(spark_application_failure_count[24h])) / (sum(increase(spark_application_success_count[24h])) + sum(increase(spark_application_failure_count[24h])))',
    'gc-time-ratio':
      '100 * max(sum by (pod) (rate(jvm_gc_collection_seconds_sum[5m])))',
    // Mean of the successful runs that ended within 24 h, per application: summed over the operator's
    // series first (a restarted operator starts new ones), so each run counts once whatever its series.
    'run-duration':
      'max(sum by (namespace, app) (increase(spark_application_success_execution_time_seconds_sum[24h])) / sum by (namespace, app) (increase(spark_application_success_execution_time_seconds_count[24h])))',
  },
  titles: { 'failed-job-rate': 'Failed runs (24 h)' },
  sli: {
    id: 'spark-app-run-success',
    name: 'Application run success',
    description:
      'Completed SparkApplication runs / all finished runs (operator counters)',
    goodEvents: ['spark_application_success_count{app="${sparkAppName}"}'],
    totalEvents: [
      'spark_application_success_count{app="${sparkAppName}"}',
      'spark_application_failure_count{app="${sparkAppName}"}',
    ],
  },
};

/**
 * Spark standalone cluster with Spark's own PrometheusServlet on master and workers, and the driver's
 * executor endpoint (`/metrics/executors/prometheus`, `spark.ui.prometheus.enabled=true`). The master
 * names match what the JMX exporter's default rule makes of the same MBeans.
 */
export const SPARK_STANDALONE: ExporterProfile = {
  id: 'spark-standalone',
  layer: 'spark',
  exporter:
    'Spark standalone master/worker PrometheusServlet + driver executor endpoint',
  sources: [
    {
      project: 'apache/spark',
      version: '3.5 (docs/monitoring.md)',
      reference:
        'PrometheusServlet sink (metrics_<source>_<name>_Value) and /metrics/executors/prometheus',
      evidence: 'docs',
    },
    {
      project: 'platform validation',
      version: 'observed on the platform',
      reference:
        'metrics_master_aliveWorkers_Value, metrics_master_apps_Value seen in prod',
      evidence: 'docs',
    },
  ],
  requirements: [
    'spark.ui.prometheus.enabled=true on the driver for the executor series',
    'the entity annotation dataops.io/spark-app-name equals spark.app.name',
  ],
  series: [
    {
      name: 'metrics_master_aliveWorkers_Value',
      type: 'gauge',
      labels: ['type'],
      help: 'workers the master sees alive',
    },
    {
      name: 'metrics_master_workers_Value',
      type: 'gauge',
      labels: ['type'],
      help: 'workers registered with the master',
    },
    {
      name: 'metrics_master_apps_Value',
      type: 'gauge',
      labels: ['type'],
      help: 'applications running on the cluster',
    },
    {
      name: 'metrics_master_waitingApps_Value',
      type: 'gauge',
      labels: ['type'],
      help: 'applications waiting for resources',
    },
    {
      name: 'metrics_worker_coresUsed_Value',
      type: 'gauge',
      labels: ['type'],
      help: 'cores in use on a worker',
    },
    {
      name: 'metrics_worker_memUsed_MB_Value',
      type: 'gauge',
      labels: ['type'],
      help: 'memory in use on a worker, MB',
    },
    {
      name: 'metrics_executor_activeTasks',
      type: 'gauge',
      labels: ['application_id', 'application_name', 'executor_id'],
      help: 'tasks running in an executor',
    },
    {
      name: 'metrics_executor_failedTasks_total',
      type: 'counter',
      labels: ['application_id', 'application_name', 'executor_id'],
      help: 'failed tasks of an executor',
    },
    {
      name: 'metrics_executor_completedTasks_total',
      type: 'counter',
      labels: ['application_id', 'application_name', 'executor_id'],
      help: 'completed tasks of an executor',
    },
    {
      name: 'metrics_executor_totalGCTime_seconds_total',
      type: 'counter',
      labels: ['application_id', 'application_name', 'executor_id'],
      help: 'time the executor spent in garbage collection',
    },
    {
      name: 'metrics_executor_totalDuration_seconds_total',
      type: 'counter',
      labels: ['application_id', 'application_name', 'executor_id'],
      help: 'time the executor spent running tasks',
    },
  ],
  queries: {
    'alive-workers': 'min(metrics_master_aliveWorkers_Value)',
    'gc-time-ratio':
      '100 * sum(rate(metrics_executor_totalGCTime_seconds_total{application_name="${spark_app}"}[5m])) / sum(rate(metrics_executor_totalDuration_seconds_total{application_name="${spark_app}"}[5m]))',
    'failed-task-rate':
      '100 * sum(increase(metrics_executor_failedTasks_total{application_name="${spark_app}"}[24h])) / (sum(increase(metrics_executor_completedTasks_total{application_name="${spark_app}"}[24h])) + sum(increase(metrics_executor_failedTasks_total{application_name="${spark_app}"}[24h])))',
  },
};
