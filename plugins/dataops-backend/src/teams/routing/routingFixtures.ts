import type { Entity } from '@backstage/catalog-model';
import type { PriorityMapping } from '@dataops-observability/plugin-dataops-common';

/** Test fixtures: a parent group with receivers, a child inheriting them, a team with its own, one with none. */
export const ROUTING_GROUPS: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name: 'data-platform',
      annotations: {
        'dataops.io/alert-receivers':
          'P1=pagerduty:data-oncall+slack:#data-alerts, P2=slack:#data-alerts+email:data@example.com, P3=slack:#data-alerts, P4=email:data@example.com, dev=slack:#data-dev',
      },
    },
    spec: { type: 'department', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'sales-data' },
    spec: { type: 'team', parent: 'data-platform', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name: 'marketing',
      annotations: {
        'dataops.io/alert-receivers':
          'P1=pagerduty:marketing-oncall+slack:#mkt "alerts', // not valid: ignored
        'dataops.io/alert-receivers.prod':
          'P1=pagerduty:marketing-oncall+slack:#mkt-alerts@mkt-workspace, *=slack:#mkt-alerts@mkt-workspace',
      },
    },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'loners' },
    spec: { type: 'team', children: [] },
  },
];

export const ROUTING_OWNERS = [
  'group:default/sales-data',
  'group:default/marketing',
  'group:default/loners',
];

export const ROUTING_PRIORITIES: PriorityMapping = {
  severities: new Map([
    ['critical', 'P1'],
    ['error', 'P2'],
    ['warning', 'P3'],
    ['info', 'P4'],
  ]),
  unknownSeverity: 'P3',
};
