import type { ExporterProfile } from './types';

/** Pod state from kube-state-metrics v2, container usage from the kubelet's cAdvisor endpoint. */
export const KUBE_STATE_METRICS_CADVISOR: ExporterProfile = {
  id: 'kube-state-metrics-cadvisor',
  layer: 'kubernetes',
  exporter: 'kube-state-metrics v2 + kubelet cAdvisor',
  sources: [
    {
      project: 'kubernetes/kube-state-metrics',
      version: 'v2.x',
      reference: 'docs/metrics/workload/pod-metrics.md',
      evidence: 'docs',
    },
    {
      project: 'google/cadvisor',
      version: 'v0.49',
      reference: 'docs/storage/prometheus.md',
      evidence: 'docs',
    },
  ],
  requirements: [
    'the label the entity selector uses (e.g. app) is copied onto these series by the scrape configuration; kube-state-metrics and cAdvisor only set namespace, pod and container themselves',
  ],
  series: [
    {
      name: 'container_memory_working_set_bytes',
      type: 'gauge',
      labels: ['namespace', 'pod', 'container'],
      help: 'working set of a container',
    },
    {
      name: 'container_cpu_usage_seconds_total',
      type: 'counter',
      labels: ['namespace', 'pod', 'container'],
      help: 'CPU seconds used by a container',
    },
    {
      name: 'kube_pod_container_resource_limits',
      type: 'gauge',
      labels: ['namespace', 'pod', 'container', 'resource', 'unit'],
      help: 'container resource limits',
    },
    {
      name: 'kube_pod_container_status_restarts_total',
      type: 'counter',
      labels: ['namespace', 'pod', 'container'],
      help: 'container restarts',
    },
    {
      name: 'kube_pod_container_status_waiting_reason',
      type: 'gauge',
      labels: ['namespace', 'pod', 'container', 'reason'],
      help: '1 while the container waits for that reason',
    },
    {
      name: 'kube_pod_container_status_last_terminated_reason',
      type: 'gauge',
      labels: ['namespace', 'pod', 'container', 'reason'],
      help: '1 for the reason of the last termination',
    },
    {
      name: 'kube_pod_status_phase',
      type: 'gauge',
      labels: ['namespace', 'pod', 'phase'],
      help: '1 for the phase the pod is in',
    },
    {
      name: 'up',
      type: 'gauge',
      labels: ['job', 'instance'],
      help: 'scrape health, set by Prometheus',
    },
  ],
  queries: {
    'executor-memory':
      '100 * max(sum by (pod) (container_memory_working_set_bytes) / sum by (pod) (kube_pod_container_resource_limits{resource="memory"}))',
    'pod-restarts':
      'sum(increase(kube_pod_container_status_restarts_total[1h]))',
    'running-pods': 'sum(kube_pod_status_phase{phase="Running"})',
  },
  fallbacks: { 'running-pods': 'count(up == 1)' },
};
