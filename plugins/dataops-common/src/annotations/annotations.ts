import type { Entity } from '@backstage/catalog-model';

/**
 * Annotation keys of docs/api.md, "Annotations". Any `dataops.io/*` key and `argocd/app-name` may carry a
 * per-environment override by appending `.<env>`; read them through {@link readAnnotation}.
 * @public
 */
export const ANNOTATIONS = {
  environments: 'dataops.io/environments',
  prometheusSelector: 'dataops.io/prometheus-selector',
  opensearchIndex: 'dataops.io/opensearch-index',
  opensearchFilter: 'dataops.io/opensearch-filter',
  argocdAppName: 'argocd/app-name',
  argocdAppSelector: 'argocd/app-selector',
  sloObjective: 'dataops.io/slo-objective',
  sloWindow: 'dataops.io/slo-window',
  airflowDagId: 'dataops.io/airflow-dag-id',
  sparkAppName: 'dataops.io/spark-app-name',
  icebergTable: 'dataops.io/iceberg-table',
  runSla: 'dataops.io/run-sla',
  alertReceivers: 'dataops.io/alert-receivers',
  storage: 'dataops.io/storage',
  kubernetesId: 'backstage.io/kubernetes-id',
} as const;

/** Short name of an annotation key in {@link ANNOTATIONS}. @public */
export type AnnotationName = keyof typeof ANNOTATIONS;

/** Entity `spec.type` values the suite knows (docs/api.md, "Entities"). @public */
export const ENTITY_TYPES = {
  sparkJob: 'spark-job',
  airflowDag: 'airflow-dag',
  icebergTable: 'iceberg-table',
} as const;

/** Environment names double as annotation key suffixes, so keep them to a safe alphabet. */
const ENV_NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/i;

/** True when `name` is usable as an environment name (and therefore as an annotation suffix). @public */
export function isValidEnvironmentName(name: string): boolean {
  return ENV_NAME.test(name);
}

/**
 * Reads an annotation for one environment: `<key>.<env>` wins over `<key>`. Blank values count as absent,
 * so an override can not accidentally blank a value by being empty.
 * @public
 */
export function readAnnotation(
  entity: Entity,
  key: string,
  env?: string,
): string | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const candidates = env ? [`${key}.${env}`, key] : [key];
  for (const candidate of candidates) {
    const value = annotations[candidate]?.trim();
    if (value) {
      return value;
    }
  }
  return undefined;
}

/**
 * Environments an entity runs in: the `dataops.io/environments` annotation intersected with the configured
 * ones, or all configured ones when the annotation is absent. Configured order is kept.
 * @public
 */
export function entityEnvironments(
  entity: Entity,
  configured: string[],
): string[] {
  const raw = readAnnotation(entity, ANNOTATIONS.environments);
  if (!raw) {
    return [...configured];
  }
  const wanted = new Set(
    raw
      .split(',')
      .map(s => s.trim())
      .filter(Boolean),
  );
  return configured.filter(env => wanted.has(env));
}

/** Splits a comma separated annotation value into trimmed, non-empty parts. @public */
export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map(s => s.trim())
    .filter(Boolean);
}
