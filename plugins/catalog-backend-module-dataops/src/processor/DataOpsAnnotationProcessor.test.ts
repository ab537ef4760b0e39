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
