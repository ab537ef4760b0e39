import {
  DEFAULT_PROFILE_SELECTION,
  renderQuery,
  runSlaThresholds,
  selectedProfile,
} from '@dataops-observability/plugin-dataops-common';
import type { AlertingRule } from '@dataops-observability/plugin-dataops-rules';
import { IDENTITY_KEY } from './layerAlerts';
import type { MonitoringBundleSpec } from './types';

/**
 * Duration of the workload's recent runs in seconds, per exporter profile, or undefined where the exporter
 * publishes no run durations (the alert is then left out):
 * - Airflow: the profile's run-duration panel, the P99 of the statsd `dagrun.duration` timer that the
 *   Metrics tab shows (statsd_exporter turns Airflow's millisecond timers into seconds).
 * - Spark on the Kubeflow operator: the operator's `spark_application_success_execution_time_seconds`
 *   summary (sum and count only), averaged over the runs that ended within the last hour; the operator's
 *   metrics documentation lists it next to the run counters the SLO reads.
 */
function durationQuery(spec: MonitoringBundleSpec): string | undefined {
  const profile = spec.profile ?? DEFAULT_PROFILE_SELECTION;
  if (spec.type === 'airflow-dag') {
    const panel = selectedProfile(profile, 'airflow').queries[
      'run-duration-p95'
    ];
    return panel?.split('${dag_id}').join('${airflowDagId}');
  }
  if (
    spec.type === 'spark-job' &&
    selectedProfile(profile, 'spark').id === 'spark-operator-jmx'
  ) {
    return (
      'max(increase(spark_application_success_execution_time_seconds_sum{app="${sparkAppName}"}[1h]) / ' +
      'increase(spark_application_success_execution_time_seconds_count{app="${sparkAppName}"}[1h]))'
    );
  }
  // Iceberg tables have commits, not runs; their freshness is the Storage tab's.
  return undefined;
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
