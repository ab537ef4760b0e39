import {
  DEFAULT_PROFILE_SELECTION,
  renderQuery,
  runSlaThresholds,
  selectedProfile,
} from '@dataops-observability/plugin-dataops-common';
import type { AlertingRule } from '@dataops-observability/plugin-dataops-rules';
import { IDENTITY_KEY } from './layerAlerts';
import type { MonitoringBundleSpec, WorkloadType } from './types';

/**
 * The Metrics tab's run-duration panel per workload type: the layer whose exporter profile answers it, and
 * the panel's identity placeholder. Iceberg tables have commits, not runs; their freshness is the Storage tab's.
 */
const RUN_DURATION_PANELS: Partial<
  Record<
    WorkloadType,
    { layer: 'spark' | 'airflow'; panelId: string; placeholder: string }
  >
> = {
  // The statsd `dagrun.duration` timer's P99 (statsd_exporter turns Airflow's millisecond timers into seconds).
  'airflow-dag': {
    layer: 'airflow',
    panelId: 'run-duration-p95',
    placeholder: '${dag_id}',
  },
  // The Kubeflow operator's `spark_application_success_execution_time_seconds` summary (sum and count only):
  // the mean of the successful runs that ended within the last 24 hours.
  'spark-job': {
    layer: 'spark',
    panelId: 'run-duration',
    placeholder: '${spark_app}',
  },
};

/**
 * Duration of the workload's recent runs in seconds: the query of the run-duration panel of the selected
 * exporter profile, so the alert reads what the Metrics tab shows, or undefined where the profile publishes
 * no run durations (the alert is then left out).
 */
function durationQuery(spec: MonitoringBundleSpec): string | undefined {
  const panel = RUN_DURATION_PANELS[spec.type];
  if (!panel) {
    return undefined;
  }
  const query = selectedProfile(
    spec.profile ?? DEFAULT_PROFILE_SELECTION,
    panel.layer,
  ).queries[panel.panelId];
  return query?.split(panel.placeholder).join(`\${${IDENTITY_KEY[spec.type]}}`);
}

function formatSeconds(seconds: number): string {
  if (seconds % 3600 === 0) {
    return `${seconds / 3600}h`;
  }
  if (seconds % 60 === 0) {
    return `${seconds / 60}m`;
  }
  return `${seconds}s`;
}

/**
 * The run-duration alerts of `dataops.io/run-sla` in one environment: warning when runs take longer than the
 * SLA, critical past SLA + 50% (the same thresholds as the run-duration panel). No rules when the entity
 * has no SLA there or its exporter publishes no durations.
 * @public
 */
export function buildRunSlaAlerts(
  spec: MonitoringBundleSpec,
  env: string,
): AlertingRule[] {
  const sla = spec.runSla.get(env);
  const query = durationQuery(spec);
  if (sla === undefined || !query) {
    return [];
  }
  const duration = `(${renderQuery(query, {
    matchers: spec.matchers,
    identity: { [IDENTITY_KEY[spec.type]]: spec.identity },
  })})`;
  const { warning, critical } = runSlaThresholds(sla);
  const rule = (
    severity: 'warning' | 'critical',
    expr: string,
    priority: string,
    limit: string,
  ): AlertingRule => ({
    alert: 'DataOpsRunOverSla',
    expr,
    labels: {
      severity,
      priority,
      owner: spec.owner,
      backstage_entity: spec.entityRef,
      env,
      layer: '4',
    },
    annotations: {
      summary: `${spec.entityRef} in ${env}: runs take {{ $value | humanizeDuration }}, over ${limit}`,
      runbook: `Open the Runs tab of ${spec.entityRef} in Backstage.`,
    },
  });
  return [
    // Slowness is P3; a run 50% over its SLA misses what waits on it, a P2 like a failing job.
    rule(
      'critical',
      `${duration} > ${critical}`,
      'P2',
      `the run SLA + 50% (${formatSeconds(critical)})`,
    ),
    rule(
      'warning',
      `${duration} > ${warning} and ${duration} <= ${critical}`,
      'P3',
      `the run SLA (${formatSeconds(warning)})`,
    ),
  ];
}
