import { createMockDirectory } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { DataOpsAnnotationProcessor } from '@dataops-observability/plugin-catalog-backend-module-dataops';
import { createCatalogAnnotateAction } from '../actions';

/*
 * The drift this guards against: the annotate action writing annotations the catalog then refuses, or
 * refusing ones the catalog takes. Both sides run for real (the catalog processor, the scaffolder action)
 * on each row; the processor without configured environments, as the scaffolder knows none.
 */

const CATALOG_FILE = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: daily-sales-etl
spec:
  type: spark-job
  owner: sales-data
`;

const LOCATION = {
  type: 'url',
  target: 'https://git.example/catalog-info.yaml',
};

/** What the catalog says of one annotation: undefined when fine, else the problem without the key. */
async function catalogVerdict(
  key: string,
  value: string,
): Promise<string | undefined> {
  const processor = new DataOpsAnnotationProcessor({ environments: [] });
  const entity: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'daily-sales-etl', annotations: { [key]: value } },
    spec: { type: 'spark-job', owner: 'sales-data' },
  };
  const emitted: CatalogProcessorResult[] = [];
  await processor.postProcessEntity(entity, LOCATION, r => emitted.push(r));
  const messages = emitted.map(r => (r as { error: Error }).error.message);
  expect(messages.length).toBeLessThanOrEqual(1);
  return messages[0]?.replace(`Annotation ${key}: `, '');
}

/** What the annotate action says of writing one annotation, in the same form. */
async function scaffolderVerdict(
  key: string,
  value: string,
): Promise<string | undefined> {
  const dir = createMockDirectory({
    content: { 'catalog-info.yaml': CATALOG_FILE },
  });
  const ctx = createMockActionContext({
    // The action defaults `path`; the handler parses its input itself.
    input: { annotations: { [key]: value } } as any,
    workspacePath: dir.path,
  });
  try {
    await createCatalogAnnotateAction().handler(ctx);
    return undefined;
  } catch (e) {
    expect((e as Error).name).toBe('InputError');
    return (e as Error).message.replace(
      `Invalid input 'annotations.${key}': `,
      '',
    );
  }
}

// [key, value, accepted]: rows the two sides used to disagree on come first.
const TABLE: Array<[string, string, boolean]> = [
  ['dataops.io/opensearch-index', '*-spark', true],
  ['dataops.io/opensearch-filter', 'app: daily-sales-etl', true],
  ['argocd/app-selector', 'tier in (batch,stream),!legacy', true],
  ['argocd/app-selector.prod', 'team=sales', true],
  ['dataops.io/storage', 'nfs:share', false],
  ['dataops.io/storage', 'minio:sales-lake', false],
  ['dataops.io/storage', 'isilon:share', false],
  ['dataops.io/storage', 'iceberg:sales.orders', false],
  ['dataops.io/storage', 's3:sales/lake', false],
  [
    'dataops.io/storage',
    Array.from({ length: 21 }, (_, i) => `s3:b${i}`).join(','),
    false,
  ],
  ['dataops.io/slo-window', '365d', false],
  ['dataops.io/slo-window', '1h', false],
  ['dataops.io/iceberg-table', 'daily_orders', false],
  ['backstage.io/kubernetes-id', 'daily sales', false],
  ['backstage.io/kubernetes-id.prod', 'daily-sales-etl', false],
  ['dataops.io/environments.prod', 'prod', false],
  // Rows they always agreed on, so a rule that drifts later shows up here too.
  ['dataops.io/environments', 'dev,stage,prod', true],
  ['dataops.io/environments', 'dev,pr od', false],
  ['dataops.io/environments', ',', false],
  ['dataops.io/prometheus-selector', 'namespace="spark",app="etl"', true],
  ['dataops.io/prometheus-selector', 'up{job="x"}', false],
  ['dataops.io/prometheus-selector.prod', '__name__="up"', false],
  ['dataops.io/opensearch-index', 'logs-spark-*', true],
  ['dataops.io/opensearch-index', 'logs-*,secrets', false],
  ['dataops.io/opensearch-index', 'Logs-*', false],
  ['dataops.io/opensearch-filter', 'kubernetes.labels.app:etl', true],
  ['dataops.io/opensearch-filter', 'app=etl', false],
  ['argocd/app-name', 'daily-sales-etl', true],
  ['argocd/app-name.prod', 'daily-sales-etl-prod', true],
  ['argocd/app-name', 'Daily_Sales', false],
  ['argocd/app-name.pr od', 'x', false],
  ['argocd/app-selector', 'team=sales;rm', false],
  ['dataops.io/slo-objective', '99.9', true],
  ['dataops.io/slo-objective.prod', '99.95%', true],
  ['dataops.io/slo-objective', '100.5', false],
  ['dataops.io/slo-objective', 'high', false],
  ['dataops.io/slo-window', '30d', true],
  ['dataops.io/slo-window', '90d', true],
  ['dataops.io/slo-window', '1 month', false],
  ['dataops.io/airflow-dag-id', 'sales_daily', true],
  ['dataops.io/airflow-dag-id', 'sales"daily', false],
  ['dataops.io/spark-app-name.stage', 'daily-sales-etl', true],
  ['dataops.io/spark-app-name', 'a b', false],
  ['dataops.io/iceberg-table', 'sales.daily_orders', true],
  ['dataops.io/iceberg-table', 'sales.daily orders', false],
  ['dataops.io/storage', 's3:sales-lake,hive:metastore', true],
  ['dataops.io/storage.prod', 'oracle:SALES_TS,ceph:rbd-warehouse', true],
  ['dataops.io/storage', 'sales-lake', false],
  ['backstage.io/kubernetes-id', 'daily-sales-etl', true],
  ['dataops.io/slo-objectve', '99.9', false],
];

describe('the annotate action and the catalog processor', () => {
  it.each(TABLE)(
    'give the same verdict on %s: %j (accepted: %s)',
    async (key, value, accepted) => {
      const catalog = await catalogVerdict(key, value);
      const scaffolder = await scaffolderVerdict(key, value);
      expect(scaffolder).toBe(catalog);
      expect(catalog === undefined).toBe(accepted);
    },
  );

  it('differ only where documented: keys of other plugins are the catalog’s to ignore and the action’s to refuse', async () => {
    expect(
      await catalogVerdict('argocd/project-name', 'sales'),
    ).toBeUndefined();
    expect(await scaffolderVerdict('argocd/project-name', 'sales')).toMatch(
      /^not one of the annotations of the DataOps plugins/,
    );
  });
});
