import {
  DEFAULT_PROFILE_SELECTION,
  ProfileSelection,
  buildErrorRatioQuery,
  buildSliQuery,
  renderQuery,
  selectedProfile,
  sliTemplateFromProfile,
} from '@dataops-observability/plugin-dataops-common';
import type { AlertingRule } from '@dataops-observability/plugin-dataops-rules';
import type {
  LayerThresholds,
  MonitoringBundleSpec,
  WorkloadType,
} from './types';

/** Defaults of the monitoring layers (docs/platform-rules.md); each is overridable by the action's input. @public */
export const DEFAULT_THRESHOLDS: Required<LayerThresholds> = {
  restarts: 3,
  cpuPercent: 85,
  memoryPercent: 90,
  jobFailurePercent: 5,
  gcTimePercent: 20,
  dagSuccessPercent: 95,
  schedulerLagSeconds: 30,
  snapshotCount: 100,
  smallFilePercent: 30,
};

/** Identity placeholder per workload type: keys of ANNOTATIONS, as the common query templates use. */
export const IDENTITY_KEY: Record<WorkloadType, string> = {
  'spark-job': 'sparkAppName',
  'airflow-dag': 'airflowDagId',
  'iceberg-table': 'icebergTable',
};

interface LayerAlertDefinition {
  alert: string;
  layer: number;
  types: WorkloadType[];
  /** Threshold keys the expression reads; used to reject overrides that would have no effect. */
  uses: Array<keyof LayerThresholds>;
  severity: 'critical' | 'warning';
  priority: 'P1' | 'P2' | 'P3' | 'P4';
  for: string;
  /**
   * PromQL template: `${...}` identity placeholders inside string literals, the entity's matchers injected.
   * Workload alerts read the series of the environment's exporter profile; undefined when that exporter
   * publishes nothing the alert could read (the alert is then left out, not pointed at another series).
   */
  expr: (
    t: Required<LayerThresholds>,
    profile: Readonly<ProfileSelection>,
  ) => string | undefined;
  summary: string;
}

const ratio = (percent: number) => String(percent / 100);

/** The panels' identity placeholders, renamed to the annotation keys the layer alerts fill. */
const PANEL_PLACEHOLDERS: ReadonlyMap<string, string> = new Map([
  ['${spark_app}', '${sparkAppName}'],
  ['${dag_id}', '${airflowDagId}'],
  ['${table}', '${icebergTable}'],
]);

/** A panel query of the selected profile, so the alert reads what the Metrics tab shows. */
function profileQuery(
  profile: Readonly<ProfileSelection>,
  layer: 'spark' | 'airflow',
  panelId: string,
): string | undefined {
  const query = selectedProfile(profile, layer).queries[panelId];
  if (!query) {
    return undefined;
  }
  let out = query;
  for (const [from, to] of PANEL_PLACEHOLDERS) {
    out = out.split(from).join(to);
  }
  return out;
}

const PODS: WorkloadType[] = ['spark-job', 'airflow-dag'];

/*
 * Priorities follow docs/platform-rules.md, "Alert priorities": a failing or starved workload is a "resource
 * shortage" or "job failure spike" (P2); slow running and scheduler lag are P3; table hygiene is a P4 capacity
 * warning. P1 is kept for the fast SLO burn, which the SLO generator emits.
 */
const DEFINITIONS: LayerAlertDefinition[] = [
  {
    alert: 'DataOpsPodNotRunning',
    layer: 2,
    types: PODS,
    uses: [],
    severity: 'critical',
    priority: 'P2',
    // Batch pods end in Succeeded, which is fine; Pending that long means they cannot be scheduled.
    for: '5m',
    expr: () =>
      'sum by (namespace, pod, phase) (kube_pod_status_phase{phase=~"Pending|Failed|Unknown"}) > 0',
    summary: 'pod {{ $labels.pod }} is {{ $labels.phase }}',
  },
  {
    alert: 'DataOpsContainerRestarts',
    layer: 2,
    types: PODS,
    uses: ['restarts'],
    severity: 'critical',
    priority: 'P2',
    for: '0m',
    expr: t =>
      `sum by (namespace, pod, container) (increase(kube_pod_container_status_restarts_total[1h])) > ${t.restarts}`,
    summary:
      'container {{ $labels.container }} of {{ $labels.pod }} restarted {{ $value | humanize }} times within 1h',
  },
  {
    alert: 'DataOpsCrashLoopBackOff',
    layer: 2,
    types: PODS,
    uses: [],
    severity: 'critical',
    priority: 'P2',
    for: '2m',
    expr: () =>
      'max by (namespace, pod, container) (kube_pod_container_status_waiting_reason{reason="CrashLoopBackOff"}) > 0',
    summary:
      'container {{ $labels.container }} of {{ $labels.pod }} is in CrashLoopBackOff',
  },
  {
    alert: 'DataOpsCpuHigh',
    layer: 3,
    types: PODS,
    uses: ['cpuPercent'],
    severity: 'critical',
    priority: 'P2',
    for: '10m',
    expr: t =>
      'sum by (namespace, pod, container) (rate(container_cpu_usage_seconds_total{container!=""}[5m])) / ' +
      `sum by (namespace, pod, container) (kube_pod_container_resource_limits{resource="cpu",unit="core"}) > ${ratio(
        t.cpuPercent,
      )}`,
    summary:
      'container {{ $labels.container }} of {{ $labels.pod }} uses {{ $value | humanizePercentage }} of its CPU limit',
  },
  {
    alert: 'DataOpsMemoryHigh',
    layer: 3,
    types: PODS,
    uses: ['memoryPercent'],
    severity: 'critical',
    priority: 'P2',
    for: '5m',
    expr: t =>
      'sum by (namespace, pod, container) (container_memory_working_set_bytes{container!=""}) / ' +
      `sum by (namespace, pod, container) (kube_pod_container_resource_limits{resource="memory",unit="byte"}) > ${ratio(
        t.memoryPercent,
      )}`,
    summary:
      'container {{ $labels.container }} of {{ $labels.pod }} uses {{ $value | humanizePercentage }} of its memory limit',
  },
  {
    alert: 'DataOpsOomKilled',
    layer: 3,
    types: PODS,
    uses: [],
    severity: 'critical',
    priority: 'P2',
    for: '0m',
    // The last-terminated reason stays set after the restart; pairing it with a recent restart makes the
    // alert fire for a new OOM kill only, not for the rest of the pod's life.
    expr: () =>
      'sum by (namespace, pod, container) (increase(kube_pod_container_status_restarts_total[10m])) > 0 ' +
      'and on (namespace, pod, container) ' +
      'max by (namespace, pod, container) (kube_pod_container_status_last_terminated_reason{reason="OOMKilled"}) == 1',
    summary:
      'container {{ $labels.container }} of {{ $labels.pod }} was OOM killed',
  },
  {
    alert: 'SparkJobFailureRateHigh',
    layer: 4,
    types: ['spark-job'],
    uses: ['jobFailurePercent'],
    severity: 'critical',
    priority: 'P2',
    for: '5m',
    // The failed share of the run counters the SLO reads (the profile's SLI), over 1h.
    expr: (t, profile) => {
      const sli = sliTemplateFromProfile('spark-job', profile);
      return sli
        ? `${buildErrorRatioQuery(sli, '1h')} > ${ratio(t.jobFailurePercent)}`
        : undefined;
    },
    summary:
      '{{ $value | humanizePercentage }} of the Spark application runs failed within 1h',
  },
  {
    alert: 'SparkGcTimeHigh',
    layer: 4,
    types: ['spark-job'],
    uses: ['gcTimePercent'],
    severity: 'warning',
    priority: 'P3',
    for: '10m',
    expr: (t, profile) => {
      const query = profileQuery(profile, 'spark', 'gc-time-ratio');
      return query ? `(${query}) > ${t.gcTimePercent}` : undefined;
    },
    summary:
      'the busiest JVM spends {{ $value | humanize }}% of its time in GC',
  },
  {
    alert: 'AirflowDagSuccessRateLow',
    layer: 4,
    types: ['airflow-dag'],
    uses: ['dagSuccessPercent'],
    severity: 'critical',
    priority: 'P2',
    for: '0m',
    // The profile's SLI over 1d: successful runs over all; a DAG without failures has no failed series
    // at all, which the SLI query counts as zero.
    expr: (t, profile) => {
      const sli = sliTemplateFromProfile('airflow-dag', profile);
      return sli
        ? `${buildSliQuery(sli, '1d')} < ${ratio(t.dagSuccessPercent)}`
        : undefined;
    },
    summary:
      'only {{ $value | humanizePercentage }} of the DAG runs succeeded within 1d',
  },
  {
    alert: 'AirflowSchedulerLagHigh',
    layer: 4,
    types: ['airflow-dag'],
    uses: ['schedulerLagSeconds'],
    severity: 'warning',
    priority: 'P3',
    for: '10m',
    expr: (t, profile) => {
      const query = profileQuery(profile, 'airflow', 'scheduler-lag');
      return query ? `${query} > ${t.schedulerLagSeconds}` : undefined;
    },
    summary: 'DAG runs start {{ $value | humanizeDuration }} late (P99)',
  },
  {
    alert: 'IcebergSnapshotCountHigh',
    layer: 5,
    types: ['iceberg-table'],
    uses: ['snapshotCount'],
    severity: 'warning',
    priority: 'P4',
    for: '30m',
    expr: t =>
      `max(iceberg_table_snapshots{table="\${icebergTable}"}) > ${t.snapshotCount}`,
    summary: 'the table keeps {{ $value }} snapshots; expire old snapshots',
  },
  {
    alert: 'IcebergSmallFilesHigh',
    layer: 5,
    types: ['iceberg-table'],
    uses: ['smallFilePercent'],
    severity: 'warning',
    priority: 'P4',
    for: '30m',
    expr: t =>
      `sum(iceberg_table_small_files{table="\${icebergTable}"}) / sum(iceberg_table_data_files{table="\${icebergTable}"}) > ${ratio(
        t.smallFilePercent,
      )}`,
    summary:
      '{{ $value | humanizePercentage }} of the data files are small; compact the table',
  },
];

/**
 * The expression template of one layer alert before the entity's matchers are injected; exported so the demo
 * sandbox can check its data makes the alert fire where the scenario says.
 * @public
 */
export function layerAlertExpression(
  alert: string,
  thresholds: Required<LayerThresholds> = DEFAULT_THRESHOLDS,
  profile: Readonly<ProfileSelection> = DEFAULT_PROFILE_SELECTION,
): string {
  const definition = DEFINITIONS.find(d => d.alert === alert);
  if (!definition) {
    throw new Error(`no layer alert named ${alert}`);
  }
  const expr = definition.expr(thresholds, profile);
  if (expr === undefined) {
    throw new Error(
      `layer alert ${alert} reads nothing the selected exporter profiles publish`,
    );
  }
  return expr;
}

/** Threshold keys that have an effect for a workload type. @public */
export function thresholdsFor(
  type: WorkloadType,
): Array<keyof LayerThresholds> {
  return [
    ...new Set(
      DEFINITIONS.filter(d => d.types.includes(type)).flatMap(d => d.uses),
    ),
  ];
}

/**
 * The layer alerts (docs/platform-rules.md, layers 1-5) for one workload in one environment, with the entity's
 * matchers in every selector and the labels the generated Alertmanager routes match on every rule.
 * @public
 */
export function buildLayerAlerts(
  spec: MonitoringBundleSpec,
  env: string,
): AlertingRule[] {
  const identity = { [IDENTITY_KEY[spec.type]]: spec.identity };
  const profile = spec.profile ?? DEFAULT_PROFILE_SELECTION;
  return DEFINITIONS.filter(d => d.types.includes(spec.type)).flatMap(d => {
    const expr = d.expr(spec.thresholds, profile);
    if (expr === undefined) {
      return [];
    }
    const rule: AlertingRule = {
      alert: d.alert,
      expr: renderQuery(expr, {
        matchers: spec.matchers,
        identity,
      }),
      labels: {
        severity: d.severity,
        priority: d.priority,
        owner: spec.owner,
        backstage_entity: spec.entityRef,
        env,
        layer: String(d.layer),
      },
      annotations: {
        summary: `${spec.entityRef} in ${env}: ${d.summary}`,
        runbook: `Open the Observability tab of ${spec.entityRef} in Backstage.`,
      },
    };
    if (d.for !== '0m') {
      rule.for = d.for;
    }
    return [rule];
  });
}
