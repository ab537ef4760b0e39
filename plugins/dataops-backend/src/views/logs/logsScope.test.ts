import type { Entity } from '@backstage/catalog-model';
import {
  DataOpsSourceError,
  DataOpsViewContext,
} from '@dataops-observability/plugin-dataops-node';
import type { OpenSearchConfig } from '../../sources';
import type { ViewDependencies } from '../shared';
import { createLogsView } from './logsView';

const CONFIG: OpenSearchConfig = {
  url: 'http://opensearch.test',
  allowedIndexPatterns: ['logs-*', 'audit-{namespace}-*'],
  entityScope: { logFilter: 'kubernetes.labels.app:{name}' },
  sensitiveFields: [],
  timestampField: '@timestamp',
  levelField: 'level',
  messageField: 'message',
  maxConcurrency: 4,
};

describe('logs view data scope', () => {
  const search = jest.fn(async () => ({ hits: [], total: 0, histogram: [] }));
  const view = createLogsView({} as ViewDependencies);

  function run(
    annotations: Record<string, string>,
    config: OpenSearchConfig = CONFIG,
  ) {
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'campaign-etl', annotations },
      spec: { type: 'spark-job', owner: 'marketing-analytics' },
    };
    return view.run({
      entity,
      env: { name: 'dev' },
      range: { from: 1_700_000_000, to: 1_700_003_600 },
      params: {},
      signal: new AbortController().signal,
      source: () => ({ config, search }),
    } as unknown as DataOpsViewContext);
  }

  beforeEach(() => jest.clearAllMocks());

  it("searches with the entity's own filter term", async () => {
    await expect(
      run({
        'dataops.io/opensearch-index': 'logs-spark-*',
        'dataops.io/opensearch-filter':
          'level:error,kubernetes.labels.app:campaign-etl',
      }),
    ).resolves.toMatchObject({ total: 0, index: 'logs-spark-*' });
    expect(search).toHaveBeenCalledWith(
      expect.objectContaining({
        index: 'logs-spark-*',
        terms: [
          { field: 'level', value: 'error' },
          { field: 'kubernetes.labels.app', value: 'campaign-etl' },
        ],
      }),
      expect.anything(),
    );
  });

  it.each([
    [
      "another entity's label",
      {
        'dataops.io/opensearch-filter': 'kubernetes.labels.app:daily-sales-etl',
      },
    ],
    ['no filter at all, that is every line of the index', {}],
  ])(
    'refuses %s before calling OpenSearch, naming the term it needs',
    async (_, filter) => {
      const result = run({
        'dataops.io/opensearch-index': 'logs-spark-*',
        ...filter,
      });
      await expect(result).rejects.toBeInstanceOf(DataOpsSourceError);
      await expect(result).rejects.toMatchObject({
        type: 'BAD_ANNOTATION',
        message: expect.stringContaining(
          "dataops.io/opensearch-filter: must contain the term 'kubernetes.labels.app:campaign-etl'",
        ),
      });
      expect(search).not.toHaveBeenCalled();
    },
  );

  it('fills index templates with the entity reference', async () => {
    const filter = {
      'dataops.io/opensearch-filter': 'kubernetes.labels.app:campaign-etl',
    };
    await expect(
      run({ 'dataops.io/opensearch-index': 'audit-default-*', ...filter }),
    ).resolves.toMatchObject({ index: 'audit-default-*' });
    await expect(
      run({ 'dataops.io/opensearch-index': 'audit-sales-*', ...filter }),
    ).rejects.toMatchObject({
      type: 'BAD_ANNOTATION',
      message:
        "dataops.io/opensearch-index: index pattern 'audit-sales-*' is not inside the allowed patterns of environment 'dev' (logs-*, audit-default-*)",
    });
    await expect(
      run({ 'dataops.io/opensearch-index': 'logs-*,audit-*', ...filter }),
    ).rejects.toMatchObject({
      message:
        "dataops.io/opensearch-index: 'logs-*,audit-*' is not a single lowercase index pattern",
    });
    expect(search).toHaveBeenCalledTimes(1);
  });

  it('without a configured binding, checks the index only (as before)', async () => {
    await expect(
      run(
        { 'dataops.io/opensearch-index': 'logs-spark-*' },
        { ...CONFIG, entityScope: {} },
      ),
    ).resolves.toMatchObject({ total: 0 });
  });
});
