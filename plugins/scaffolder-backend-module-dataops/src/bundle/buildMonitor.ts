import type { MonitoringBundleSpec, WorkloadType } from './types';

interface MonitorShape {
  kind: 'PodMonitor' | 'ServiceMonitor';
  file: string;
  /** Scrape interval: the exporter intervals of docs/platform-rules.md, "Sources and exporters". */
  interval: string;
}

const SHAPES: Record<WorkloadType, MonitorShape> = {
  // Spark drivers and executors are short-lived pods without a Service in front of them.
  'spark-job': {
    kind: 'PodMonitor',
    file: 'pod-monitor.yaml',
    interval: '15s',
  },
  // The StatsD exporter runs behind a Service.
  'airflow-dag': {
    kind: 'ServiceMonitor',
    file: 'service-monitor.yaml',
    interval: '30s',
  },
  // The table exporter refreshes every 5m, but a 5m scrape would let series go stale between scrapes
  // (Prometheus' lookback is 5m too); 1m keeps them continuous at negligible cost.
  'iceberg-table': {
    kind: 'ServiceMonitor',
    file: 'service-monitor.yaml',
    interval: '1m',
  },
};

/** File name of the monitor resource of a workload type. @public */
export function monitorFileName(type: WorkloadType): string {
  return SHAPES[type].file;
}

/** The ServiceMonitor or PodMonitor (monitoring.coreos.com/v1) that scrapes the workload. @public */
export function buildMonitor(
  spec: MonitoringBundleSpec,
): Record<string, unknown> {
  const shape = SHAPES[spec.type];
  const endpoint = {
    port: 'metrics',
    path: '/metrics',
    interval: shape.interval,
  };
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: shape.kind,
    metadata: {
      name: spec.name,
      namespace: spec.namespace,
      labels: { ...spec.resourceLabels },
    },
    spec: {
      selector: { matchLabels: { ...spec.monitorLabels } },
      namespaceSelector: { matchNames: [spec.namespace] },
      ...(shape.kind === 'PodMonitor'
        ? { podMetricsEndpoints: [endpoint] }
        : { endpoints: [endpoint] }),
    },
  };
}
