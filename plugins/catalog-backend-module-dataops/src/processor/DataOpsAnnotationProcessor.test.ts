import fs from 'fs';
import path from 'path';
import { parseAllDocuments } from 'yaml';
import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import type { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { DataOpsAnnotationProcessor } from './DataOpsAnnotationProcessor';

const LOCATION = {
  type: 'url',
  target: 'https://git.example/sales/catalog-info.yaml',
};

function findRepoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'examples', 'catalog'))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error('examples/catalog not found above the package');
    }
    dir = parent;
  }
  return dir;
}

async function run(processor: DataOpsAnnotationProcessor, entity: Entity) {
  const emitted: CatalogProcessorResult[] = [];
  const result = await processor.postProcessEntity(entity, LOCATION, r =>
    emitted.push(r),
  );
  return { result, emitted };
}

const config = new ConfigReader({
  dataops: {
    environments: [
      { name: 'dev', opensearch: { allowedIndexPatterns: ['logs-*'] } },
      { name: 'prod' },
    ],
  },
});

describe('DataOpsAnnotationProcessor', () => {
  const processor = DataOpsAnnotationProcessor.fromConfig(config);
  const entity: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'daily-sales-etl',
      annotations: {
        'dataops.io/slo-objective': '100.5',
        'dataops.io/opensearch-index': 'audit-*',
        'argocd/app-name.qa': 'etl',
      },
    },
    spec: { type: 'spark-job', owner: 'sales-data' },
  };

  it('emits one input error per problem, naming the annotation, and leaves the entity as it is', async () => {
    const { result, emitted } = await run(processor, entity);
    expect(result).toBe(entity);
    expect(emitted).toHaveLength(3);
    for (const r of emitted) {
      expect(r).toMatchObject({ type: 'error', location: LOCATION });
      expect((r as { error: Error }).error.name).toBe('InputError');
    }
    const messages = emitted.map(r => (r as { error: Error }).error.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Annotation dataops\.io\/slo-objective: Invalid SLO objective '100\.5'/,
        ),
        "Annotation argocd/app-name.qa: environment 'qa' is not configured (configured: dev, prod)",
        "Annotation dataops.io/opensearch-index: index pattern 'audit-*' is not inside the allowed patterns of environment 'dev' (logs-*)",
      ]),
    );
  });

  it('emits nothing for a valid entity', async () => {
    const { emitted } = await run(processor, {
      ...entity,
      metadata: {
        name: 'ok',
        annotations: { 'dataops.io/opensearch-index': 'logs-spark-*' },
      },
    });
    expect(emitted).toEqual([]);
  });

  it("refuses annotations that point an entity at another entity's logs or applications", async () => {
    const bound = DataOpsAnnotationProcessor.fromConfig(
      new ConfigReader({
        dataops: {
          environments: [
            {
              name: 'dev',
              opensearch: { allowedIndexPatterns: ['logs-{namespace}-*'] },
              entityScope: {
                logFilter: 'kubernetes.labels.app:{name}',
                appSelector: 'backstage.io/kubernetes-id={name}',
              },
            },
          ],
        },
      }),
    );
    const author = (annotations: Record<string, string>) =>
      run(bound, {
        ...entity,
        metadata: { name: 'campaign-etl', annotations },
      });
    const own = await author({
      'dataops.io/opensearch-index': 'logs-default-*',
      'dataops.io/opensearch-filter': 'kubernetes.labels.app:campaign-etl',
      'argocd/app-selector': 'backstage.io/kubernetes-id=campaign-etl',
    });
    expect(own.emitted).toEqual([]);
    const stolen = await author({
      'dataops.io/opensearch-index': 'logs-sales-*',
      'dataops.io/opensearch-filter': 'kubernetes.labels.app:daily-sales-etl',
      'argocd/app-selector': 'backstage.io/kubernetes-id=daily-sales-etl',
    });
    expect(
      stolen.emitted.map(r => (r as { error: Error }).error.message),
    ).toEqual([
      "Annotation dataops.io/opensearch-index: index pattern 'logs-sales-*' is not inside the allowed patterns of environment 'dev' (logs-default-*)",
      "Annotation dataops.io/opensearch-filter: must contain the term 'kubernetes.labels.app:campaign-etl' in environment 'dev', which binds the logs to this entity (the environment's rule is 'kubernetes.labels.app:{name}')",
      "Annotation argocd/app-selector: must contain the requirement 'backstage.io/kubernetes-id=campaign-etl' in environment 'dev', which binds the applications to this entity (the environment's rule is 'backstage.io/kubernetes-id={name}')",
    ]);
    const everything = await author({ 'argocd/app-selector': '!x' });
    expect(everything.emitted).toHaveLength(1);
    // A Resource named like the Component can not borrow its logs: names are unique per kind only.
    const namesake = await run(bound, {
      ...entity,
      kind: 'Resource',
      metadata: {
        name: 'campaign-etl',
        annotations: {
          'dataops.io/opensearch-index': 'logs-default-*',
          'dataops.io/opensearch-filter': 'kubernetes.labels.app:campaign-etl',
        },
      },
    });
    expect(
      namesake.emitted.map(r => (r as { error: Error }).error.message),
    ).toEqual([
      expect.stringContaining(
        "Annotation dataops.io/opensearch-index: this entity can not read logs in environment 'dev'",
      ),
    ]);
  });

  it('refuses to start with a scope template that binds nothing', () => {
    expect(() =>
      DataOpsAnnotationProcessor.fromConfig(
        new ConfigReader({
          dataops: {
            environments: [
              { name: 'dev', entityScope: { logFilter: 'app:etl' } },
            ],
          },
        }),
      ),
    ).toThrow(
      "Invalid dataops environment 'dev': entityScope.logFilter: 'app:etl' does not bind to the entity",
    );
  });

  it('flags none of the example entities under the example app-config', async () => {
    const root = findRepoRoot();
    const appConfig = parseAllDocuments(
      fs.readFileSync(path.join(root, 'app-config.yaml'), 'utf8'),
    )[0].toJS();
    expect(appConfig.dataops.environments.length).toBeGreaterThan(0);
    const exampleProcessor = DataOpsAnnotationProcessor.fromConfig(
      new ConfigReader(appConfig),
    );
    const dir = path.join(root, 'examples', 'catalog');
    const entities = fs
      .readdirSync(dir)
      .filter(f => f.endsWith('.yaml'))
      .flatMap(f =>
        parseAllDocuments(fs.readFileSync(path.join(dir, f), 'utf8')).map(
          d => d.toJS() as Entity,
        ),
      )
      .filter(e => e?.metadata);
    const annotated = entities.filter(e =>
      Object.keys(e.metadata.annotations ?? {}).some(k =>
        k.startsWith('dataops.io/'),
      ),
    );
    // Guards against the test passing vacuously if the examples move or lose their annotations.
    expect(annotated.length).toBeGreaterThanOrEqual(5);
    const flagged: string[] = [];
    for (const e of entities) {
      const { emitted } = await run(exampleProcessor, e);
      flagged.push(
        ...emitted.map(
          r => `${e.metadata.name}: ${(r as { error: Error }).error.message}`,
        ),
      );
    }
    expect(flagged).toEqual([]);
  });
});
