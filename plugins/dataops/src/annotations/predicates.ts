import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  ENTITY_TYPES,
  splitList,
} from '@dataops-observability/plugin-dataops-common';
import { DATAOPS_ANNOTATION_PREFIX, DATAOPS_ENTITY_TYPES } from './constants';

function annotationsOf(entity: Entity): Record<string, string> {
  return entity.metadata.annotations ?? {};
}

/**
 * True when the key is set either plainly or for at least one environment (`key.<env>`), since an entity may
 * configure a source for prod only.
 */
export function hasAnnotation(entity: Entity, key: string): boolean {
  return Object.entries(annotationsOf(entity)).some(
    ([k, v]) =>
      (k === key || k.startsWith(`${key}.`)) && String(v ?? '').trim() !== '',
  );
}

export function isDataOpsEntityType(entity: Entity): boolean {
  const kind = entity.kind.toLocaleLowerCase('en-US');
  const type = (entity.spec as { type?: unknown } | undefined)?.type;
  return DATAOPS_ENTITY_TYPES.some(t => t.kind === kind && t.type === type);
}

export function hasDataOpsAnnotation(entity: Entity): boolean {
  return Object.keys(annotationsOf(entity)).some(k =>
    k.startsWith(DATAOPS_ANNOTATION_PREFIX),
  );
}

/**
 * Whether the DataOps tabs apply at all: one of the suite's entity types, or any entity that opted in with a
 * `dataops.io/*` annotation.
 * @public
 */
export function isDataOpsAvailable(entity: Entity): boolean {
  return isDataOpsEntityType(entity) || hasDataOpsAnnotation(entity);
}

/** Whether the Metrics tab applies: a suite entity type, or a Prometheus selector annotation. @public */
export function isDataOpsMetricsAvailable(entity: Entity): boolean {
  return (
    isDataOpsAvailable(entity) &&
    (hasAnnotation(entity, ANNOTATIONS.prometheusSelector) ||
      isDataOpsEntityType(entity))
  );
}

/** Whether the Logs tab applies: the entity names its OpenSearch index. @public */
export function isDataOpsLogsAvailable(entity: Entity): boolean {
  return (
    isDataOpsAvailable(entity) &&
    hasAnnotation(entity, ANNOTATIONS.opensearchIndex)
  );
}

/** Whether the Deployments tab applies: the entity names its Argo CD application or selector. @public */
export function isDataOpsDeploymentsAvailable(entity: Entity): boolean {
  return (
    isDataOpsAvailable(entity) &&
    (hasAnnotation(entity, ANNOTATIONS.argocdAppName) ||
      hasAnnotation(entity, ANNOTATIONS.argocdAppSelector))
  );
}

/**
 * The SLO tab: the suite's entity types have a default SLI; any other entity opts in by stating an objective.
 * @public
 */
export function isDataOpsSloAvailable(entity: Entity): boolean {
  return (
    isDataOpsEntityType(entity) ||
    hasAnnotation(entity, ANNOTATIONS.sloObjective)
  );
}

/**
 * Whether the Storage tab applies: the entity names storage or an Iceberg table (for any environment).
 * @public
 */
export function isDataOpsStorageAvailable(entity: Entity): boolean {
  return (
    hasAnnotation(entity, ANNOTATIONS.storage) ||
    hasAnnotation(entity, ANNOTATIONS.icebergTable)
  );
}

/**
 * Whether the Runs tab applies: an Airflow DAG or Spark job entity, or any entity naming its DAG, Spark
 * application or Iceberg table (for any environment); a table's runs are its commits.
 * @public
 */
export function isDataOpsRunsAvailable(entity: Entity): boolean {
  const type = (entity.spec as { type?: unknown } | undefined)?.type;
  return (
    hasAnnotation(entity, ANNOTATIONS.airflowDagId) ||
    hasAnnotation(entity, ANNOTATIONS.sparkAppName) ||
    hasAnnotation(entity, ANNOTATIONS.icebergTable) ||
    (entity.kind.toLocaleLowerCase('en-US') === 'component' &&
      (type === ENTITY_TYPES.airflowDag || type === ENTITY_TYPES.sparkJob))
  );
}

/**
 * Environments listed on the entity, or undefined when it runs in every configured environment.
 */
export function getEntityEnvironments(entity: Entity): string[] | undefined {
  const envs = splitList(annotationsOf(entity)[ANNOTATIONS.environments]);
  return envs.length ? Array.from(new Set(envs)) : undefined;
}
