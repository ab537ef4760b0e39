import type { Entity } from '@backstage/catalog-model';
import { GeneratedSeries, toOpenMetrics } from './openMetrics';

/**
 * Test and benchmark history with values known by construction. One Prometheus holds every environment,
 * told apart by an `env` label (the central-Thanos set-up), with the gaps of the demo: no
 * `spark_driver_dagscheduler_job_activejobs` in dev, no `kube_pod_status_phase` in stage. Names are those
 * of the default exporter stack (docs/metrics-catalogue.md).
 */
export const SCENARIO_ENVS = ['dev', 'stage', 'prod'];
export const MIB = 1024 * 1024;
export const EXPECTED = {
  activeJobs: 3,
  failedJobRatePercent: 10,
  gcRatioPercent: 12,
  memoryPercent: 88,
  runningPods: 2,
};

export function scenarioEntity(environments = 'dev,stage,prod'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'daily-sales-etl',
      namespace: 'default',
      annotations: {
        'dataops.io/environments': environments,
        'dataops.io/prometheus-selector':
          'namespace="spark",app="daily-sales-etl"',
        'dataops.io/spark-app-name': 'daily-sales-etl',
        'dataops.io/opensearch-index': 'logs-spark-*',
        'dataops.io/opensearch-filter': 'kubernetes.labels.app:daily-sales-etl',
        'argocd/app-name': 'daily-sales-etl',
        'argocd/app-name.prod': 'daily-sales-etl-prod',
      },
    },
    spec: { type: 'spark-job', owner: 'sales-data', lifecycle: 'production' },
  };
}

export function scenarioOpenMetrics(end: number, hours = 3): string {
  const series: GeneratedSeries[] = [];
  for (const env of SCENARIO_ENVS) {
    for (const app of ['daily-sales-etl', 'other-app']) {
      // The other app has different values, so a missing matcher would show.
      const k = app === 'daily-sales-etl' ? 1 : 5;
      const base = { env, namespace: 'spark', app };
      if (env !== 'dev') {
        series.push({
          name: 'spark_driver_dagscheduler_job_activejobs',
          labels: {
            ...base,
            pod: `${app}-driver`,
            app_namespace: 'spark',
            app_name: app,
          },
          value: () => EXPECTED.activeJobs * k,
        });
      }
      series.push(
        {
          name: 'spark_application_success_count',
          labels: base,
          value: t => 9 * Math.floor(t / 60),
        },
        {
          name: 'spark_application_failure_count',
          labels: base,
          value: t => k * Math.floor(t / 60),
        },
        {
          name: 'jvm_gc_collection_seconds_sum',
          labels: { ...base, pod: `${app}-driver`, gc: 'G1' },
          // 7.2 s of GC per 60 s = 12 %.
          value: t => 7.2 * Math.floor(t / 60),
        },
        {
          name: 'container_memory_working_set_bytes',
          labels: { ...base, pod: `${app}-driver`, container: 'spark' },
          value: () => (k === 1 ? 880 : 990) * MIB,
        },
        {
          name: 'kube_pod_container_resource_limits',
          labels: {
            ...base,
            pod: `${app}-driver`,
            container: 'spark',
            resource: 'memory',
            unit: 'byte',
          },
          value: () => 1000 * MIB,
        },
        {
          name: 'kube_pod_container_status_restarts_total',
          labels: { ...base, pod: `${app}-driver`, container: 'spark' },
          value: () => 4,
        },
      );
      for (const pod of [`${app}-driver`, `${app}-exec-1`]) {
        series.push({
          name: 'up',
          labels: { ...base, pod, job: 'spark' },
          value: () => 1,
        });
        if (env !== 'stage') {
          series.push({
            name: 'kube_pod_status_phase',
            labels: { ...base, pod, phase: 'Running' },
            value: () => 1,
          });
        }
      }
    }
  }
  return toOpenMetrics(series, {
    start: end - hours * 3600,
    end,
    intervalSeconds: 60,
  });
}
