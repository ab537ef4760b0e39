import { Entity } from '@backstage/catalog-model';
import {
  getEntityEnvironments,
  hasAnnotation,
  isDataOpsAvailable,
  isDataOpsDeploymentsAvailable,
  isDataOpsLogsAvailable,
  isDataOpsMetricsAvailable,
} from './predicates';

function entity(
  kind: string,
  type: string | undefined,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'x', annotations },
    spec: type ? { type } : {},
  };
}

describe('predicates', () => {
  it('applies to the suite entity types and to annotated entities only', () => {
    expect(isDataOpsAvailable(entity('Component', 'spark-job'))).toBe(true);
    expect(isDataOpsAvailable(entity('Component', 'airflow-dag'))).toBe(true);
    expect(isDataOpsAvailable(entity('Resource', 'iceberg-table'))).toBe(true);
    expect(isDataOpsAvailable(entity('Component', 'service'))).toBe(false);
    expect(isDataOpsAvailable(entity('Resource', 'spark-job'))).toBe(false);
    expect(
      isDataOpsAvailable(
        entity('Component', 'service', { 'dataops.io/environments': 'prod' }),
      ),
    ).toBe(true);
    expect(
      isDataOpsAvailable(
        entity('Component', 'service', { 'argocd/app-name': 'a' }),
      ),
    ).toBe(false);
  });

  it('needs a selector or a templated type for metrics', () => {
    expect(isDataOpsMetricsAvailable(entity('Component', 'spark-job'))).toBe(
      true,
    );
    expect(
      isDataOpsMetricsAvailable(
        entity('Component', 'trino-query', {
          'dataops.io/opensearch-index': 'logs-*',
        }),
      ),
    ).toBe(false);
    expect(
      isDataOpsMetricsAvailable(
        entity('Component', 'trino-query', {
          'dataops.io/prometheus-selector.prod': 'app="t"',
        }),
      ),
    ).toBe(true);
  });

  it('needs an index for logs', () => {
    expect(isDataOpsLogsAvailable(entity('Component', 'spark-job'))).toBe(
      false,
    );
    expect(
      isDataOpsLogsAvailable(
        entity('Component', 'spark-job', {
          'dataops.io/opensearch-index': 'logs-spark-*',
        }),
      ),
    ).toBe(true);
    expect(
      isDataOpsLogsAvailable(
        entity('Component', 'spark-job', {
          'dataops.io/opensearch-index': '  ',
        }),
      ),
    ).toBe(false);
  });

  it('accepts Argo CD names, selectors and per-environment overrides', () => {
    expect(
      isDataOpsDeploymentsAvailable(entity('Component', 'spark-job')),
    ).toBe(false);
    expect(
      isDataOpsDeploymentsAvailable(
        entity('Component', 'spark-job', { 'argocd/app-name': 'etl' }),
      ),
    ).toBe(true);
    expect(
      isDataOpsDeploymentsAvailable(
        entity('Component', 'spark-job', {
          'argocd/app-selector': 'team=sales',
        }),
      ),
    ).toBe(true);
    expect(
      isDataOpsDeploymentsAvailable(
        entity('Component', 'spark-job', {
          'argocd/app-name.prod': 'etl-prod',
        }),
      ),
    ).toBe(true);
    expect(
      hasAnnotation(
        entity('Component', 'spark-job', { 'argocd/app-names': 'x' }),
        'argocd/app-name',
      ),
    ).toBe(false);
  });

  it('reads the environment list', () => {
    expect(
      getEntityEnvironments(
        entity('Component', 'spark-job', {
          'dataops.io/environments': ' dev, prod,,dev ',
        }),
      ),
    ).toEqual(['dev', 'prod']);
    expect(
      getEntityEnvironments(entity('Component', 'spark-job')),
    ).toBeUndefined();
  });
});
