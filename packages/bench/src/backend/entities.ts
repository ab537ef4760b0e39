import type { Entity } from '@backstage/catalog-model';

/**
 * Catalog entities of the benchmark backends. They mirror entities of the example catalog, which the demo
 * sandbox generates its data from, so every view finds series, logs and applications. `dataops.io/environments`
 * is left out on purpose: the entities then live in every configured environment (the fan-out scenario
 * configures up to 30).
 */
export const BENCH_ENTITIES: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'daily-sales-etl',
      namespace: 'default',
      annotations: {
        'dataops.io/prometheus-selector':
          'namespace="spark",app="daily-sales-etl"',
        'dataops.io/spark-app-name': 'daily-sales-etl',
        'dataops.io/opensearch-index': 'logs-spark-*',
        'dataops.io/opensearch-filter': 'kubernetes.labels.app:daily-sales-etl',
        'dataops.io/storage': 's3:sales-lake,hive:metastore',
        'dataops.io/slo-objective': '99.9',
        'dataops.io/slo-window': '30d',
        'argocd/app-name': 'daily-sales-etl',
      },
    },
    spec: { type: 'spark-job', lifecycle: 'production', owner: 'sales-data' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'sales-daily-pipeline',
      namespace: 'default',
      annotations: {
        'dataops.io/airflow-dag-id': 'sales_daily_pipeline',
        'dataops.io/prometheus-selector': 'namespace="airflow"',
        'dataops.io/opensearch-index': 'logs-airflow-*',
        'dataops.io/opensearch-filter': 'dag_id:sales_daily_pipeline',
        'argocd/app-name': 'sales-daily-pipeline',
      },
    },
    spec: { type: 'airflow-dag', lifecycle: 'production', owner: 'sales-data' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'marketing-web-sessions',
      namespace: 'default',
      annotations: {
        'dataops.io/iceberg-table': 'marketing.web_sessions',
        'dataops.io/prometheus-selector': 'namespace="iceberg"',
        'dataops.io/storage': 's3:marketing-lake',
      },
    },
    spec: { type: 'iceberg-table', owner: 'marketing-analytics' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'sales-data', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'marketing-analytics', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
];

/** `/api/dataops/v1/entity/...` path of a view of one of {@link BENCH_ENTITIES}. */
export function viewPath(entityName: string, view: string): string {
  const entity = BENCH_ENTITIES.find(e => e.metadata.name === entityName);
  if (!entity) {
    throw new Error(`no benchmark entity '${entityName}'`);
  }
  return `/api/dataops/v1/entity/default/${entity.kind.toLowerCase()}/${entityName}/${view}`;
}

/** The group that owns every entity of {@link fleetEntities}. */
export const FLEET_OWNER = 'group:default/fleet-team';

/**
 * `count` annotated workloads for the fleet benchmark, all owned by {@link FLEET_OWNER}: copies of the Spark
 * job, Airflow DAG and Iceberg table above in turn, each under its own name, so every copy reads the same
 * sandbox data as its original but is computed and cached as an entity of its own.
 */
export function fleetEntities(count: number): Entity[] {
  const workloads = BENCH_ENTITIES.filter(e => e.kind !== 'Group');
  const copies = Array.from({ length: count }, (_, i): Entity => {
    const original = workloads[i % workloads.length];
    return {
      ...original,
      metadata: {
        ...original.metadata,
        name: `fleet-${String(i).padStart(4, '0')}-${original.metadata.name}`,
      },
      spec: { ...original.spec, owner: 'fleet-team' },
      // The catalog stand-in does not run processors, so the relation the catalog would derive is given.
      relations: [{ type: 'ownedBy', targetRef: FLEET_OWNER }],
    };
  });
  const team: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'fleet-team', namespace: 'default' },
    spec: { type: 'team', children: [] },
  };
  return [team, ...copies];
}
