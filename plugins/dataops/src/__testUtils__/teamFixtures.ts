import { Entity } from '@backstage/catalog-model';
import {
  ActiveAlert,
  IncidentsResponse,
  Priority,
  TeamAlertsResponse,
} from '@dataops-observability/plugin-dataops-common';

export const salesGroup: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'sales-data', namespace: 'default' },
  spec: { type: 'team', children: ['sales-streaming'] },
};

const SALES = 'group:default/sales-data';
const STREAMING = 'group:default/sales-streaming';

function alert(
  fingerprint: string,
  priority: Priority,
  extra: Partial<ActiveAlert> = {},
): ActiveAlert {
  return {
    fingerprint,
    name: `Alert${fingerprint.toUpperCase()}`,
    severity: 'warning',
    priority,
    state: 'active',
    startsAt: '2026-11-22T10:00:00Z',
    summary: `summary of ${fingerprint}`,
    labels: {},
    ...extra,
  };
}

function byPriority(alerts: ActiveAlert[]): Record<Priority, ActiveAlert[]> {
  return {
    P1: alerts.filter(a => a.priority === 'P1'),
    P2: alerts.filter(a => a.priority === 'P2'),
    P3: alerts.filter(a => a.priority === 'P3'),
    P4: alerts.filter(a => a.priority === 'P4'),
  };
}

export const teamAlertsResponse: TeamAlertsResponse = {
  owner: SALES,
  groups: [SALES, STREAMING],
  entities: [
    {
      entityRef: 'component:default/daily-sales-etl',
      owner: SALES,
      alertsByPriority: byPriority([
        alert('t1', 'P1', {
          env: 'prod',
          entityRef: 'component:default/daily-sales-etl',
        }),
        alert('t2', 'P4', {
          env: 'dev',
          state: 'suppressed',
          silencedBy: ['s1'],
          entityRef: 'component:default/daily-sales-etl',
        }),
      ]),
    },
    {
      // A sub-group's entity: the parent team sees it.
      entityRef: 'resource:default/sales-daily-orders',
      owner: STREAMING,
      alertsByPriority: byPriority([
        alert('t3', 'P2', { env: 'stage' }),
        alert('t4', 'P2', {
          env: 'prod',
          state: 'suppressed',
          inhibitedBy: ['t1'],
        }),
      ]),
    },
    {
      // Must never show on this team's page even if a response carried it.
      entityRef: 'component:default/customer-360-builder',
      owner: 'group:default/marketing-analytics',
      alertsByPriority: byPriority([alert('x9', 'P1', { env: 'prod' })]),
    },
  ],
  counts: { P1: 1, P2: 1, P3: 0, P4: 0 },
  suppressed: 2,
  environments: [
    { env: 'dev', status: 'ok' },
    { env: 'stage', status: 'ok' },
    { env: 'prod', status: 'ok' },
    {
      env: 'qa',
      status: 'error',
      error: {
        type: 'UPSTREAM_TIMEOUT',
        source: 'alertmanager',
        message: 'no answer within 10 s',
      },
    },
  ],
};

export const emptyTeamAlerts: TeamAlertsResponse = {
  owner: SALES,
  groups: [SALES],
  entities: [],
  counts: { P1: 0, P2: 0, P3: 0, P4: 0 },
  suppressed: 0,
  environments: [{ env: 'dev', status: 'ok' }],
};

const NO_FIRING = { P1: 0, P2: 0, P3: 0, P4: 0 };
const WINDOW = {
  from: '2026-10-23T00:00:00Z',
  to: '2026-11-22T00:00:00Z',
  days: 30,
};

export const incidentsResponse: IncidentsResponse = {
  owner: SALES,
  groups: [SALES, STREAMING],
  window: WINDOW,
  total: {
    incidents: 5,
    open: 1,
    mttrSeconds: 1800,
    firingSecondsByPriority: { P1: 7200, P2: 1800, P3: 0, P4: 600 },
  },
  byEntity: [
    {
      entityRef: 'component:default/daily-sales-etl',
      owner: SALES,
      incidents: 4,
      open: 1,
      mttrSeconds: 1200,
      firingSecondsByPriority: { P1: 7200, P2: 0, P3: 0, P4: 600 },
    },
    {
      entityRef: 'resource:default/sales-daily-orders',
      owner: STREAMING,
      incidents: 1,
      open: 0,
      mttrSeconds: 3600,
      firingSecondsByPriority: { P1: 0, P2: 1800, P3: 0, P4: 0 },
    },
  ],
  weekly: [
    {
      weekStart: '2026-10-19T00:00:00Z',
      incidents: 0,
      open: 0,
      mttrSeconds: null,
      firingSecondsByPriority: NO_FIRING,
    },
    {
      weekStart: '2026-10-26T00:00:00Z',
      incidents: 2,
      open: 0,
      mttrSeconds: 600,
      firingSecondsByPriority: NO_FIRING,
    },
    {
      weekStart: '2026-11-02T00:00:00Z',
      incidents: 0,
      open: 0,
      mttrSeconds: null,
      firingSecondsByPriority: NO_FIRING,
    },
    {
      weekStart: '2026-11-09T00:00:00Z',
      incidents: 1,
      open: 0,
      mttrSeconds: 3600,
      firingSecondsByPriority: NO_FIRING,
    },
    {
      weekStart: '2026-11-16T00:00:00Z',
      incidents: 2,
      open: 1,
      mttrSeconds: 2700,
      firingSecondsByPriority: NO_FIRING,
    },
  ],
  recent: [],
};

export const emptyIncidents: IncidentsResponse = {
  owner: SALES,
  groups: [SALES],
  window: WINDOW,
  total: {
    incidents: 0,
    open: 0,
    mttrSeconds: null,
    firingSecondsByPriority: NO_FIRING,
  },
  byEntity: [],
  weekly: [],
  recent: [],
};
