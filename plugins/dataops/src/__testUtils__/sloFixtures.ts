import {
  EntityViewResponse,
  SloData,
} from '@dataops-observability/plugin-dataops-common';

const DAY = 86400;
export const SLO_END = Date.parse('2026-11-22T10:00:00Z') / 1000;

const rates = (values: Array<number | null>) =>
  ['5m', '30m', '1h', '2h', '6h', '1d', '3d'].map((window, i) => ({
    window,
    windowSeconds: [300, 1800, 3600, 7200, 21600, DAY, 3 * DAY][i],
    rate: values[i],
  }));

const alerts = (
  values: {
    longRate: number | null;
    shortRate: number | null;
    firing: boolean;
  }[],
) => [
  {
    name: 'SloErrorBudgetFastBurn',
    priority: 'P1' as const,
    severity: 'critical',
    longWindow: '1h',
    shortWindow: '5m',
    threshold: 36,
    ...values[0],
  },
  {
    name: 'SloErrorBudgetSlowBurn',
    priority: 'P2' as const,
    severity: 'warning',
    longWindow: '6h',
    shortWindow: '30m',
    threshold: 12,
    ...values[1],
  },
];

/** prod: 4800 of 5.76 million runs failed in the last 6 hours (the backend integration test's numbers). */
export const burningSlo: SloData = {
  objective: 99.9,
  window: '30d',
  sliName: 'Application run success',
  sli: 1 - 4800 / 5_760_000,
  errorBudget: {
    total: 0.001,
    consumed: 4800 / 5_760_000,
    remaining: 0.001 - 4800 / 5_760_000,
    consumedFraction: 5 / 6,
    remainingFraction: 1 / 6,
    totalMinutes: 43.2,
    consumedMinutes: 36,
    remainingMinutes: 7.2,
    exhaustionHours: 2.4,
  },
  burnRates: rates([50, 50, 50, 28, 13.3333, 3.3333, 1.1111]),
  alerts: alerts([
    { longRate: 50, shortRate: 50, firing: true },
    { longRate: 13.3333, shortRate: 50, firing: true },
  ]),
  burndown: [
    [SLO_END - 3 * DAY, 1],
    [SLO_END - 2 * DAY, 1],
    [SLO_END - DAY, 1],
    [SLO_END, 1 / 6],
  ],
  level: 'critical',
  state: 'ok',
  source: 'counters',
  evaluatedAt: SLO_END,
};

/** stage: 99% objective, a slow burn far inside the budget; the 6h rate is above nothing. */
export const healthySlo: SloData = {
  ...burningSlo,
  objective: 99,
  sli: 1 - 5400 / 5_760_000,
  errorBudget: {
    total: 0.01,
    consumed: 0.0009375,
    remaining: 0.0090625,
    consumedFraction: 0.09375,
    remainingFraction: 0.90625,
    totalMinutes: 432,
    consumedMinutes: 40.5,
    remainingMinutes: 391.5,
    exhaustionHours: 435,
  },
  burnRates: rates([1.5, 1.5, 1.5, 1.5, 1.5, 0.375, 0.125]),
  alerts: alerts([
    { longRate: 1.5, shortRate: 1.5, firing: false },
    { longRate: 1.5, shortRate: 1.5, firing: false },
  ]),
  burndown: [
    [SLO_END - DAY, 1],
    [SLO_END, 0.90625],
  ],
  level: 'healthy',
};

export const noTrafficSlo: SloData = {
  ...burningSlo,
  sli: null,
  errorBudget: {
    total: 0.001,
    consumed: 0,
    remaining: 0.001,
    consumedFraction: 0,
    remainingFraction: 1,
    totalMinutes: 43.2,
    consumedMinutes: 0,
    remainingMinutes: 43.2,
    exhaustionHours: null,
  },
  burnRates: rates([null, null, null, null, null, null, null]),
  alerts: alerts([
    { longRate: null, shortRate: null, firing: false },
    { longRate: null, shortRate: null, firing: false },
  ]),
  burndown: [],
  level: 'unknown',
  state: 'no-traffic',
  stateReason: 'No events in the last 30d: no SLI without traffic.',
};

export const sloResponse: EntityViewResponse<SloData> = {
  entityRef: 'component:default/daily-sales-etl',
  environments: [
    { env: 'dev', status: 'ok', data: noTrafficSlo },
    { env: 'stage', status: 'ok', data: healthySlo },
    { env: 'prod', status: 'ok', data: burningSlo },
    {
      env: 'qa',
      status: 'error',
      error: {
        type: 'UPSTREAM_TIMEOUT',
        source: 'thanos',
        message: 'Thanos querier did not answer within 10 s',
      },
    },
  ],
};
