import type {
  AreaStatus,
  SloData,
} from '@dataops-observability/plugin-dataops-common';

function percent(value: number, digits = 2): string {
  return `${Number((value * 100).toFixed(digits))}%`;
}

/** The SLO cell of the summary matrix: never a number when there is none to show. */
export function summarizeSlo(data: SloData): AreaStatus {
  if (data.state && data.state !== 'ok') {
    return {
      level: 'unknown',
      reason: data.stateReason ?? data.state,
    };
  }
  if (data.sli === null) {
    return {
      level: 'unknown',
      reason: `no traffic in the last ${data.window}`,
    };
  }
  const remaining = data.errorBudget.remainingFraction;
  const budget =
    remaining <= 0
      ? 'error budget exhausted'
      : `${percent(remaining, 0)} of budget left`;
  const firing = data.alerts
    .filter(a => a.firing)
    .map(a => `${a.priority} ${a.name} firing`);
  return {
    level: data.level,
    reason: [
      `SLI ${percent(data.sli, 3)} (objective ${data.objective}%)`,
      budget,
      ...firing,
    ].join(', '),
  };
}
