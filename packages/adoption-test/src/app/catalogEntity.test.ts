import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../paths';
import { exampleEntityFor } from './catalogEntity';

const CATALOG = [
  'kind: Group',
  'metadata: { name: team }',
  '---',
  'kind: Component',
  'metadata:',
  '  name: dev-only',
  '  annotations: { dataops.io/environments: dev, dataops.io/prometheus-selector: app="a" }',
  '---',
  'apiVersion: backstage.io/v1alpha1',
  'kind: Component',
  'metadata:',
  '  name: everywhere',
  '  annotations:',
  "    dataops.io/environments: 'dev, stage, prod'",
  '    dataops.io/prometheus-selector: app="b"',
  '    dataops.io/opensearch-index.dev: logs-dev-*',
  '    argocd/app-name: everywhere',
  '    argocd/app-name.prod: everywhere-prod',
  '    backstage.io/kubernetes-id: everywhere',
  'spec: { type: spark-job, owner: team }',
].join('\n');

describe('exampleEntityFor', () => {
  it('takes the first Component with metrics in every configured environment, narrowed to them', () => {
    const { entity, yaml } = exampleEntityFor(CATALOG, ['prod']);
    expect(entity).toEqual({
      kind: 'component',
      namespace: 'default',
      name: 'everywhere',
    });
    expect(parse(yaml)).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'everywhere',
        annotations: {
          'dataops.io/environments': 'prod',
          'dataops.io/prometheus-selector': 'app="b"',
          'argocd/app-name': 'everywhere',
          'argocd/app-name.prod': 'everywhere-prod',
          'backstage.io/kubernetes-id': 'everywhere',
        },
      },
      spec: { type: 'spark-job', owner: 'team' },
    });
    expect(exampleEntityFor(CATALOG, ['dev']).entity.name).toBe('dev-only');
  });

  it('finds one in the example catalog for every sandbox environment', () => {
    const examples = readFileSync(
      path.join(REPO_ROOT, 'examples/catalog/spark-jobs.yaml'),
      'utf8',
    );
    expect(
      exampleEntityFor(examples, ['dev', 'stage', 'prod']).entity.kind,
    ).toBe('component');
  });

  it('says when there is none', () => {
    expect(() => exampleEntityFor(CATALOG, ['qa'])).toThrow(
      'no Component with dataops.io/prometheus-selector and dataops.io/environments covering qa',
    );
  });
});
