/* eslint-disable no-script-url -- these tests feed script URLs on purpose, to show they never become links */
import type { Entity } from '@backstage/catalog-model';
import type { DataOpsViewContext } from '@dataops-observability/plugin-dataops-node';
import { readConfigWithSources } from '../../__testUtils__/readConfigWithSources';
import type { PrometheusClient } from '../../sources';
import type { ViewDependencies } from '../shared';
import { createMetricsView } from './metricsView';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'daily-sales-etl',
    annotations: {
      'dataops.io/prometheus-selector':
        'namespace="spark",app="daily-sales-etl"',
    },
  },
  spec: { type: 'spark-job' },
};

const from = Date.parse('2026-12-06T00:00:00Z') / 1000;
const range = { from, to: from + 3600, step: 30 };

function setUp(thanos: Record<string, unknown>) {
  const { config, sources } = readConfigWithSources({
    dataops: {
      environments: [
        { name: 'prod', thanos: { url: 'http://thanos.test', ...thanos } },
      ],
      panels: {
        'spark-job': [
          {
            id: 'restarts',
            title: 'Restarts',
            unit: 'restarts',
            query: 'sum(restarts_total)',
          },
        ],
      },
    },
  });
  const client = sources.require<PrometheusClient>('prod', 'thanos');
  const asked: string[] = [];
  jest.spyOn(client, 'queryRange').mockImplementation(async query => {
    asked.push(query);
    return { data: [], warnings: [] };
  });
  jest
    .spyOn(client, 'missingMetrics')
    .mockResolvedValue({ data: [], warnings: [] });
  const view = createMetricsView({ config } as unknown as ViewDependencies);
  const run = () =>
    view.run({
      entity,
      env: { name: 'prod' },
      range,
      params: {},
      signal: new AbortController().signal,
      source: () => client,
      addWarning: () => undefined,
      markPartial: () => undefined,
    } as unknown as DataOpsViewContext);
  return { run, asked };
}

describe('metrics view links', () => {
  it('gives every panel a link to the query it ran, over the same range', async () => {
    const { run } = setUp({ uiUrl: 'https://thanos-ui.example' });
    const [panel] = (await run()).panels;
    expect(panel.query).toContain('restarts_total{');
    expect(panel.query).toContain('app="daily-sales-etl"');
    expect(panel.link?.title).toBe('Prometheus');
    const url = new URL(panel.link!.url);
    expect(url.origin + url.pathname).toBe('https://thanos-ui.example/graph');
    expect(url.searchParams.get('g0.expr')).toBe(panel.query);
    expect(url.searchParams.get('g0.range_input')).toBe('1h');
    expect(url.searchParams.get('g0.end_input')).toBe('2026-12-06 01:00:00');
  });

  it('fills a template with the environment and range', async () => {
    const { run } = setUp({
      uiUrl:
        'https://grafana.example/explore?env={{env}}&expr={{query}}&from={{fromMs}}&to={{toMs}}',
      uiTitle: 'Grafana prod',
    });
    const [panel] = (await run()).panels;
    expect(panel.link?.title).toBe('Grafana prod');
    const url = new URL(panel.link!.url);
    expect(url.searchParams.get('env')).toBe('prod');
    expect(url.searchParams.get('expr')).toBe(panel.query);
    expect(url.searchParams.get('from')).toBe(String(from * 1000));
    expect(url.searchParams.get('to')).toBe(String((from + 3600) * 1000));
  });

  it('sends no link field when uiUrl is not configured', async () => {
    const { run } = setUp({});
    const [panel] = (await run()).panels;
    expect(panel).not.toHaveProperty('link');
  });

  it('stops the backend at start-up on a uiUrl that is not http(s)', () => {
    expect(() => setUp({ uiUrl: 'javascript:alert(1)' })).toThrow(
      'thanos.uiUrl must be an http or https URL',
    );
  });
});
