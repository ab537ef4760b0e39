import type { EnvironmentRules } from '@dataops-observability/plugin-dataops-common';
import { buildBundleSpec, MonitoringBundleInput } from './buildBundleSpec';
import { buildEntityAnnotations } from './entityAnnotations';

const input: MonitoringBundleInput = {
  entityRef: 'component:default/daily-sales-etl',
  type: 'spark-job',
  namespace: 'spark',
  owner: 'group:default/sales-data',
  environments: ['dev', 'prod'],
  logIndex: 'logs-spark-*',
};

const env = (
  name: string,
  logFilter: string,
  allowedIndexPatterns = ['logs-*'],
): EnvironmentRules => ({
  name,
  allowedIndexPatterns,
  entityScope: {
    logFilter,
    appSelector: 'backstage.io/kubernetes-id={name}',
  },
});

describe('buildEntityAnnotations', () => {
  it('writes the filter term of each environment, as overrides where they differ', () => {
    const environments = [
      env('dev', 'kubernetes.labels.app:{name}'),
      env('prod', 'labels.entity:{namespace}.{name}'),
    ];
    const { annotations } = buildEntityAnnotations(
      buildBundleSpec(
        { ...input, runSla: '30m', runSlaByEnvironment: { dev: '2h' } },
        { environments },
      ),
      environments,
    );
    expect(annotations).toMatchObject({
      'dataops.io/opensearch-filter.dev':
        'kubernetes.labels.app:daily-sales-etl',
      'dataops.io/opensearch-filter.prod':
        'labels.entity:default.daily-sales-etl',
      'argocd/app-selector': 'backstage.io/kubernetes-id=daily-sales-etl',
      'dataops.io/run-sla': '30m',
      'dataops.io/run-sla.dev': '2h',
    });
    expect(annotations['dataops.io/opensearch-filter']).toBeUndefined();
  });

  it('refuses an environment that dataops.environments does not have', () => {
    expect(() =>
      buildBundleSpec(
        { ...input, environments: ['dev', 'qa'] },
        { environments: [env('dev', 'kubernetes.labels.app:{name}')] },
      ),
    ).toThrow(
      "Invalid input 'environments[1]': 'qa' is not an environment of dataops.environments; configured: dev",
    );
  });

  it('refuses what the catalog would flag, naming the annotation', () => {
    const environments = [
      env('dev', 'kubernetes.labels.app:{name}', ['logs-airflow-*']),
      env('prod', 'kubernetes.labels.app:{name}', ['logs-airflow-*']),
    ];
    expect(() =>
      buildEntityAnnotations(
        buildBundleSpec(input, { environments }),
        environments,
      ),
    ).toThrow(
      "the catalog would refuse annotation 'dataops.io/opensearch-index'",
    );
  });
});
