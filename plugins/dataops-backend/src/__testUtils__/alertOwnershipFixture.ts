import type { Entity } from '@backstage/catalog-model';

const group = (name: string, parent?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [], ...(parent ? { parent } : {}) },
});

const owned = (
  kind: 'Component' | 'Resource',
  name: string,
  owner: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default', annotations },
  spec: {
    type: kind === 'Component' ? 'spark-job' : 'iceberg-table',
    owner,
    lifecycle: 'production',
  },
});

/**
 * A small organisation for alert ownership tests: `data-engineering` is the parent of `sales-data` and
 * `marketing-analytics`; `platform` stands alone. Each team owns entities matched by selector or by the
 * `backstage_entity` label.
 */
export const OWNERSHIP_ENTITIES: Entity[] = [
  group('data-engineering'),
  group('sales-data', 'data-engineering'),
  group('marketing-analytics', 'group:default/data-engineering'),
  group('platform'),
  owned('Component', 'daily-sales-etl', 'sales-data', {
    'dataops.io/prometheus-selector': 'namespace="spark",app="daily-sales-etl"',
  }),
  owned('Resource', 'sales-orders', 'group:default/sales-data', {}),
  owned('Component', 'marketing-attribution', 'marketing-analytics', {
    'dataops.io/prometheus-selector': 'namespace="airflow",app=~"marketing-.*"',
    'dataops.io/environments': 'dev',
  }),
  owned('Component', 'spark-platform', 'platform', {
    'dataops.io/prometheus-selector': 'namespace="spark"',
  }),
];

/** An alert as Prometheus posts it to Alertmanager. */
export function testAlert(
  labels: Record<string, string>,
  times: { startsAt: number; endsAt?: number },
) {
  return {
    labels,
    annotations: { summary: `${labels.alertname} fired` },
    startsAt: new Date(times.startsAt).toISOString(),
    ...(times.endsAt ? { endsAt: new Date(times.endsAt).toISOString() } : {}),
    generatorURL: 'http://prometheus.test/graph',
  };
}

/** Creates a silence through Alertmanager's API v2 and returns its id. */
export async function createSilence(
  alertmanagerUrl: string,
  matchers: Array<{ name: string; value: string }>,
): Promise<string> {
  const now = Date.now();
  const response = await fetch(`${alertmanagerUrl}/api/v2/silences`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      matchers: matchers.map(m => ({ ...m, isRegex: false, isEqual: true })),
      startsAt: new Date(now - 1000).toISOString(),
      endsAt: new Date(now + 3_600_000).toISOString(),
      createdBy: 'dataops-tests',
      comment: 'maintenance window',
    }),
  });
  if (!response.ok) {
    throw new Error(
      `silence refused: ${response.status} ${await response.text()}`,
    );
  }
  return (await response.json()).silenceID;
}
