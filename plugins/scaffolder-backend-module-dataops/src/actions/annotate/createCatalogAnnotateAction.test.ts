import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { parse, parseAllDocuments } from 'yaml';
import { createCatalogAnnotateAction } from './createCatalogAnnotateAction';
import { examples } from './catalogAnnotate.examples';

const action = createCatalogAnnotateAction();

const SPARK_FILE = `# Owned by the sales data team; ask in #sales-data before changing.
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: daily-sales-etl   # the Spark application
  title: "Daily sales ETL"
  tags: [spark, sales]
  annotations:
    # where the job's logs go
    dataops.io/opensearch-index: logs-spark-*
    argocd/app-name: 'old-name'  # renamed in Argo CD last year
    dataops.io/environments: dev,stage,prod
  links:
    - url: https://example.com/runbook
      title: Runbook
spec:
  type: spark-job
  lifecycle: production
  owner: sales-data
`;

const TABLES_FILE = `# Lake tables
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: marketing-web-sessions
  annotations:
    dataops.io/iceberg-table: marketing.web_sessions
spec: { type: iceberg-table, owner: marketing-analytics }
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: sales-daily-orders
  description: >-
    One row per order line per day.
spec:
  type: iceberg-table
  owner: sales-data
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: sales-daily-orders
spec:
  type: spark-job
  owner: sales-data
`;

async function run(
  input: Record<string, unknown>,
  files: Record<string, string> = {},
) {
  const dir = createMockDirectory({ content: files });
  const ctx = createMockActionContext({
    input: input as any,
    workspacePath: dir.path,
  });
  await action.handler(ctx);
  const outputs = Object.fromEntries(
    (ctx.output as jest.Mock).mock.calls.map(([k, v]) => [k, v]),
  );
  const content = dir.content() as Record<string, any>;
  const read = (path: string): string =>
    path.split('/').reduce((node: any, part) => node[part], content);
  return { outputs, read };
}

/** Lines of `after` that are not in `before`, keeping the rest in order: proves nothing else moved. */
function addedAndRemoved(before: string, after: string) {
  const a = before.split('\n');
  const b = after.split('\n');
  return {
    removed: a.filter(line => !b.includes(line)),
    added: b.filter(line => !a.includes(line)),
    keptInOrder:
      a.filter(line => b.includes(line)).join('\n') ===
      b.filter(line => a.includes(line)).join('\n'),
  };
}

describe('dataops:catalog:annotate', () => {
  it.each(examples.map(e => [e.description, e] as const))(
    'runs the example "%s"',
    async (_d, example) => {
      const input = parse(example.example).steps[0].input;
      // Examples that name a type create the file, so they run in an empty workspace.
      const { outputs, read } = await run(
        input,
        input.type
          ? {}
          : {
              'catalog-info.yaml': SPARK_FILE,
              'catalog/tables.yaml': TABLES_FILE,
            },
      );
      expect(outputs.created).toBe(Boolean(input.type));
      const path = input.path ?? 'catalog-info.yaml';
      expect(outputs.path).toBe(path);
      const text = read(path);
      const docs = parseAllDocuments(text) as any[];
      const doc = docs.find(
        d =>
          (!input.name || d.getIn(['metadata', 'name']) === input.name) &&
          (!input.kind || d.get('kind') === input.kind),
      );
      for (const [key, value] of Object.entries(input.annotations)) {
        expect(doc.getIn(['metadata', 'annotations', key])).toBe(value);
      }
    },
  );

  it('updates and adds annotations, leaving every untouched line byte for byte', async () => {
    const { outputs, read } = await run(
      {
        annotations: {
          'argocd/app-name': 'daily-sales-etl',
          'dataops.io/environments': 'dev,stage,prod',
          'dataops.io/prometheus-selector':
            'namespace="spark",app="daily-sales-etl"',
          'dataops.io/slo-objective': '99.9',
          'argocd/app-name.prod': 'daily-sales-etl-prod',
        },
      },
      { 'catalog-info.yaml': SPARK_FILE },
    );
    const after = read('catalog-info.yaml');
    const diff = addedAndRemoved(SPARK_FILE, after);
    expect(diff.removed).toEqual([
      "    argocd/app-name: 'old-name'  # renamed in Argo CD last year",
    ]);
    expect(diff.added).toEqual([
      '    argocd/app-name: daily-sales-etl  # renamed in Argo CD last year',
      '    dataops.io/prometheus-selector: namespace="spark",app="daily-sales-etl"',
      '    dataops.io/slo-objective: "99.9"',
      '    argocd/app-name.prod: daily-sales-etl-prod',
    ]);
    expect(diff.keptInOrder).toBe(true);
    // The unchanged value was not rewritten, so it is not reported.
    expect(outputs.changed).toEqual([
      'argocd/app-name',
      'dataops.io/prometheus-selector',
      'dataops.io/slo-objective',
      'argocd/app-name.prod',
    ]);
    expect(outputs.created).toBe(false);
    expect(parse(after).metadata.annotations['dataops.io/slo-objective']).toBe(
      '99.9',
    );
  });

  it('adds an annotations block to the chosen entity of a multi-document file, other documents untouched', async () => {
    const { read } = await run(
      {
        path: 'catalog/tables.yaml',
        kind: 'resource',
        name: 'sales-daily-orders',
        annotations: { 'dataops.io/iceberg-table': 'sales.daily_orders' },
      },
      { 'catalog/tables.yaml': TABLES_FILE },
    );
    const after = read('catalog/tables.yaml');
    const lines = TABLES_FILE.split('\n');
    const at = lines.indexOf('    One row per order line per day.') + 1;
    const expected = [
      ...lines.slice(0, at),
      '  annotations:',
      '    dataops.io/iceberg-table: sales.daily_orders',
      ...lines.slice(at),
    ];
    expect(after.split('\n')).toEqual(expected);
    const docs = parseAllDocuments(after).map(d => d.toJS());
    expect(docs[1].metadata).toEqual({
      name: 'sales-daily-orders',
      description: 'One row per order line per day.',
      annotations: { 'dataops.io/iceberg-table': 'sales.daily_orders' },
    });
    expect(docs[2].metadata.annotations).toBeUndefined();
  });

  it('leaves the file alone when every value already matches, and skips blank values', async () => {
    const { read, outputs } = await run(
      {
        annotations: {
          'dataops.io/opensearch-index': 'logs-spark-*',
          'dataops.io/airflow-dag-id': '',
        },
      },
      { 'catalog-info.yaml': SPARK_FILE },
    );
    expect(read('catalog-info.yaml')).toBe(SPARK_FILE);
    expect(outputs.changed).toEqual([]);
  });

  it('creates the catalog file from a catalog entity, without the fields the catalog adds', async () => {
    const { read, outputs } = await run({
      path: 'services/etl/catalog-info.yaml',
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'daily-sales-etl',
          uid: 'abc',
          etag: 'def',
          annotations: {
            'backstage.io/managed-by-location': 'file:/x',
            'backstage.io/managed-by-origin-location': 'file:/x',
            'argocd/app-name': 'daily-sales-etl',
          },
        },
        spec: { type: 'spark-job', owner: 'sales-data' },
        relations: [],
      },
      annotations: { 'dataops.io/spark-app-name': 'daily-sales-etl' },
    });
    expect(outputs.created).toBe(true);
    expect(parse(read('services/etl/catalog-info.yaml'))).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'daily-sales-etl',
        annotations: {
          'argocd/app-name': 'daily-sales-etl',
          'dataops.io/spark-app-name': 'daily-sales-etl',
        },
      },
      spec: { type: 'spark-job', owner: 'sales-data' },
    });
  });

  it.each([
    [
      { annotations: { 'dataops.io/unknown': 'x' } },
      "'annotations.dataops.io/unknown'",
    ],
    [
      { annotations: { 'backstage.io/kubernetes-id.prod': 'x' } },
      "'annotations.backstage.io/kubernetes-id.prod'",
    ],
    [
      { annotations: { 'dataops.io/prometheus-selector': 'up{job="x"}' } },
      "'annotations.dataops.io/prometheus-selector'",
    ],
    [
      { annotations: { 'dataops.io/slo-objective.prod': 'high' } },
      "'annotations.dataops.io/slo-objective.prod'",
    ],
    [
      { annotations: { 'dataops.io/environments': 'dev,pr od' } },
      "'annotations.dataops.io/environments'",
    ],
    [
      { annotations: { 'dataops.io/slo-window': 'monthly' } },
      "'annotations.dataops.io/slo-window'",
    ],
    [
      { annotations: { 'dataops.io/spark-app-name': 'a"b' } },
      "'annotations.dataops.io/spark-app-name'",
    ],
    [{ annotations: {} }, "'annotations'"],
    [
      {
        path: '../../etc/catalog.yaml',
        annotations: { 'argocd/app-name': 'x' },
      },
      "'path'",
    ],
    [{ name: 'nope', annotations: { 'argocd/app-name': 'x' } }, "'name'"],
  ])('rejects %j with an InputError naming %s', async (input, field) => {
    await expect(
      run(input, { 'catalog-info.yaml': SPARK_FILE }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining(`Invalid input ${field}`),
    });
  });

  it('asks for the entity when the file does not exist', async () => {
    await expect(
      run({ annotations: { 'argocd/app-name': 'x' } }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining("'kind'"),
    });
  });

  it('names the entity when a multi-document file has several matches', async () => {
    await expect(
      run(
        {
          path: 't.yaml',
          name: 'sales-daily-orders',
          annotations: { 'argocd/app-name': 'x' },
        },
        { 't.yaml': TABLES_FILE },
      ),
    ).rejects.toThrow(/2 entities matching \*\/sales-daily-orders/);
  });
});
