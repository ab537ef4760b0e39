import type { Entity } from '@backstage/catalog-model';
import { FaultServerRequest, openSearchAnswer } from '../../../__testUtils__';

/**
 * One upstream as the fault suite drives it: which view reads it, how an environment points at a
 * stand-in for it, what a healthy stand-in answers, and what "complete data" means in that view.
 */
export interface StandIn {
  source: 'thanos' | 'opensearch' | 'argocd' | 'alertmanager';
  view: 'metrics' | 'logs' | 'deployments' | 'alerts';
  /** The environment config fragment pointing at `url`. */
  configure(url: string): Record<string, unknown>;
  /** The healthy answer, shaped as the upstream's API documents it. */
  answer(request: FaultServerRequest): { status?: number; body: unknown };
  /** The view's data of a healthy environment, so a partial answer would fail the test. */
  isComplete(data: any): boolean;
}

export const ENTITY: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'nightly-orders-etl',
    namespace: 'default',
    annotations: {
      'dataops.io/environments': 'dev,stage,prod',
      'dataops.io/prometheus-selector': 'namespace="spark",app="orders"',
      'dataops.io/spark-app-name': 'nightly-orders-etl',
      'dataops.io/opensearch-index': 'logs-spark-*',
      'argocd/app-name': 'nightly-orders-etl',
    },
  },
  spec: { type: 'spark-job', owner: 'orders-data', lifecycle: 'production' },
};

const NOW_SECONDS = 1_767_261_600;

/**
 * Prometheus HTTP API envelope (docs/querying/api.md: `status`, `data.resultType`, `data.result`). The
 * project has no machine-readable Prometheus specification, so this one is shaped by hand to that page.
 */
export function prometheusMatrix() {
  return {
    status: 'success',
    data: {
      resultType: 'matrix',
      result: [
        {
          metric: { namespace: 'spark', app: 'orders' },
          values: [
            [NOW_SECONDS - 60, '1'],
            [NOW_SECONDS, '1'],
          ],
        },
      ],
    },
  };
}

/** The answer to a `timestamp()` probe of a series sampled up to `end`: each point's value is its own time. */
export function freshSampleTimes(end: number) {
  return {
    status: 'success',
    data: {
      resultType: 'matrix',
      result: [
        {
          metric: { dataops_input: '0' },
          values: [
            [end - 60, String(end - 60)],
            [end, String(end)],
          ],
        },
      ],
    },
  };
}

export const OPENSEARCH_SEARCH_ANSWER = openSearchAnswer({
  index: 'logs-spark-2026.01.01',
  id: 'line-1',
  source: {
    '@timestamp': '2026-01-01T10:00:00Z',
    level: 'INFO',
    message: 'stage 3 finished',
  },
  sort: [1767261600000, 1],
  level: 'INFO',
});

export function argoApplication(name: string) {
  return {
    metadata: { name, namespace: 'argocd' },
    spec: {
      project: 'default',
      destination: { namespace: 'spark' },
      source: { repoURL: 'https://git.example.com/orders.git' },
    },
    status: {
      sync: { status: 'Synced', revision: 'c0ffee1' },
      health: { status: 'Healthy' },
      reconciledAt: '2026-01-01T10:00:00Z',
      history: [
        {
          id: 1,
          revision: 'c0ffee1',
          deployedAt: '2026-01-01T09:00:00Z',
          source: {},
        },
      ],
    },
  };
}

export function alertmanagerAlerts() {
  return [
    {
      labels: {
        alertname: 'OrdersLagging',
        severity: 'warning',
        namespace: 'spark',
        app: 'orders',
      },
      annotations: { summary: 'orders are late' },
      startsAt: '2026-01-01T09:55:00.000Z',
      endsAt: '2026-01-01T10:55:00.000Z',
      updatedAt: '2026-01-01T10:00:00.000Z',
      fingerprint: '3f2a9c1d5e7b8a60',
      receivers: [{ name: 'null' }],
      status: {
        state: 'active',
        silencedBy: [],
        inhibitedBy: [],
        mutedBy: [],
      },
      generatorURL: 'http://prometheus.example.com/graph',
    },
  ];
}

export const STAND_INS: StandIn[] = [
  {
    source: 'thanos',
    view: 'metrics',
    configure: url => ({ thanos: { url } }),
    answer: request => {
      if (request.path !== '/api/v1/query_range') {
        return { status: 404, body: { status: 'error', error: 'not served' } };
      }
      // Each panel's query comes with its freshness probe joined by `or` (`(panel) or label_replace(...
      // timestamp(...))`): the answer holds the panel's series and the probe's, whose newest sample is now.
      const form = new URLSearchParams(request.body);
      const panel = prometheusMatrix();
      if (!(form.get('query') ?? '').includes('timestamp(')) {
        return { body: panel };
      }
      const probe = freshSampleTimes(Number(form.get('end')));
      return {
        body: {
          ...panel,
          data: {
            ...panel.data,
            result: [...panel.data.result, ...probe.data.result],
          },
        },
      };
    },
    isComplete: data =>
      data.panels.length > 0 && data.panels.every((p: any) => p.state === 'ok'),
  },
  {
    source: 'opensearch',
    view: 'logs',
    configure: url => ({
      opensearch: { url, allowedIndexPatterns: ['logs-*'] },
    }),
    answer: () => ({ body: OPENSEARCH_SEARCH_ANSWER }),
    isComplete: data => data.hits.length === 1 && data.total === 1,
  },
  {
    source: 'argocd',
    view: 'deployments',
    configure: url => ({
      argocd: [{ name: 'main', url, token: 'argocd-test-token' }],
    }),
    answer: request => ({
      body: argoApplication(
        decodeURIComponent(request.path.split('/').pop() ?? ''),
      ),
    }),
    isComplete: data =>
      data.applications.length === 1 &&
      data.applications[0].name === 'nightly-orders-etl' &&
      !data.instanceErrors,
  },
  {
    source: 'alertmanager',
    view: 'alerts',
    configure: url => ({ alertmanager: { url } }),
    answer: () => ({ body: alertmanagerAlerts() }),
    isComplete: data =>
      data.alerts.length === 1 && data.alerts[0].name === 'OrdersLagging',
  },
];
