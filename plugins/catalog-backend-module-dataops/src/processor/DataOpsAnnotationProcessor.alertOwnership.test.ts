import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import type { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { DataOpsAnnotationProcessor } from './DataOpsAnnotationProcessor';

const LOCATION = {
  type: 'url',
  target: 'https://git.example/catalog-info.yaml',
};

async function errorsOf(config: object, selector: string): Promise<string[]> {
  const processor = DataOpsAnnotationProcessor.fromConfig(
    new ConfigReader(config),
  );
  const entity: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'greedy',
      annotations: { 'dataops.io/prometheus-selector': selector },
    },
    spec: { type: 'spark-job', owner: 'sales-data' },
  };
  const emitted: CatalogProcessorResult[] = [];
  await processor.postProcessEntity(entity, LOCATION, r => emitted.push(r));
  return emitted.map(r => (r as { error: Error }).error.message);
}

describe('DataOpsAnnotationProcessor and alert ownership', () => {
  const GAMING = 'alertname=~".+",a=~".*",b=~".*"';

  it('reports a selector that can never own alerts where an Alertmanager is configured', async () => {
    const config = {
      dataops: {
        environments: [
          { name: 'dev', alertmanager: { url: 'http://am' } },
          { name: 'prod' },
        ],
      },
    };
    expect(await errorsOf(config, GAMING)).toEqual([
      expect.stringMatching(
        /^Annotation dataops\.io\/prometheus-selector: selector can never own alerts in environment 'dev'/,
      ),
    ]);
    expect(await errorsOf(config, 'namespace="spark",a=~".*"')).toEqual([]);
  });

  it("uses the environment's own identifying labels", async () => {
    const config = {
      dataops: {
        environments: [
          {
            name: 'dev',
            alertmanager: { url: 'http://am', identifyingLabels: ['team'] },
          },
        ],
      },
    };
    expect(await errorsOf(config, 'team="sales"')).toEqual([]);
    expect(await errorsOf(config, 'namespace="spark"')).toEqual([
      expect.stringMatching(/identifying labels \(team\)/),
    ]);
  });
});
