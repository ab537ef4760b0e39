import type { Entity } from '@backstage/catalog-model';
import type { DataOpsViewContext } from '@dataops-observability/plugin-dataops-node';
import { readConfigWithSources } from '../../__testUtils__/readConfigWithSources';
import type { OpenSearchConfig } from '../../sources';
import type { ViewDependencies } from '../shared';
import { createLogsView } from './logsView';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'daily-sales-etl',
    annotations: {
      'dataops.io/opensearch-index': 'logs-spark-*',
      'dataops.io/opensearch-filter': 'kubernetes.labels.app:daily-sales-etl',
    },
  },
  spec: { type: 'spark-job' },
};

function configWith(opensearch: Record<string, unknown>): OpenSearchConfig {
  const { sources } = readConfigWithSources({
    dataops: {
      environments: [
        {
          name: 'dev',
          opensearch: {
            url: 'http://opensearch.test',
            allowedIndexPatterns: ['logs-*'],
            ...opensearch,
          },
        },
      ],
    },
  });
  return sources.config<OpenSearchConfig>('dev', 'opensearch')!;
}

function run(config: OpenSearchConfig, params: Record<string, unknown> = {}) {
  const search = jest.fn(async () => ({ hits: [], total: 0, histogram: [] }));
  return createLogsView({} as ViewDependencies).run({
    entity,
    env: { name: 'dev' },
    range: {
      from: Date.parse('2026-12-06T00:00:00Z') / 1000,
      to: Date.parse('2026-12-06T02:00:00Z') / 1000,
      step: 60,
    },
    params,
    signal: new AbortController().signal,
    source: () => ({ config, search }),
  } as unknown as DataOpsViewContext);
}

describe('logs view link to OpenSearch Dashboards', () => {
  it('repeats the search: index pattern id, filter, levels, text and range', async () => {
    const data = await run(
      configWith({
        dashboardsUrl: 'https://dashboards.example',
        dashboardsIndexPatterns: [
          { pattern: 'logs-spark-*', id: 'spark-logs' },
        ],
      }),
      { q: 'oom', level: ['error'] },
    );
    expect(data.link?.title).toBe('OpenSearch Dashboards');
    const url = new URL(data.link!.url);
    expect(url.origin + url.pathname).toBe(
      'https://dashboards.example/app/data-explorer/discover',
    );
    const state = new URLSearchParams(url.hash.slice(2));
    expect(state.get('_a')).toContain('indexPattern:spark-logs');
    expect(state.get('_g')).toContain(
      "time:(from:'2026-12-06T00:00:00.000Z',to:'2026-12-06T02:00:00.000Z')",
    );
    expect(state.get('_q')).toContain(
      'match_phrase:(kubernetes.labels.app:daily-sales-etl)',
    );
    expect(state.get('_q')).toContain('match_phrase:(level:error)');
    expect(state.get('_q')).toContain(`query:'message:"oom"'`);
  });

  it('sends no link field without dashboardsUrl', async () => {
    const data = await run(configWith({}));
    expect(data).not.toHaveProperty('link');
  });

  it('refuses a dashboardsUrl with credentials at start-up', () => {
    expect(() =>
      configWith({ dashboardsUrl: 'https://admin:pw@dashboards.example' }),
    ).toThrow('opensearch.dashboardsUrl must not contain credentials');
  });
});
