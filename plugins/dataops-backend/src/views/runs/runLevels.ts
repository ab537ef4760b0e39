import type { HealthLevel } from '@dataops-observability/plugin-dataops-common';

/**
 * Colour of an Airflow DAG run or task state. Only outcomes are judged: a run that is still going or
 * waiting has no verdict yet (its duration against the SLA may still have one).
 */
export function airflowStateLevel(state: string): HealthLevel {
  switch (state) {
    case 'success':
    case 'skipped':
      return 'healthy';
    case 'failed':
    case 'upstream_failed':
      return 'critical';
    case 'up_for_retry':
      return 'warning';
    default:
      return 'unknown';
  }
}

/** Order of task states in a failed run's list: the task that failed comes before those it stopped. */
export function failingTaskRank(state: string): number {
  return ['failed', 'up_for_retry', 'upstream_failed'].indexOf(state) + 1 || 9;
}
