/**
 * Annotation keys the frontend reads (CONTRACT.md section 2). Any of them may carry a `.<env>` suffix that
 * overrides the plain key for one environment.
 */

/** @public */
export const ANNOTATION_ENVIRONMENTS = 'dataops.io/environments';
/** @public */
export const ANNOTATION_PROMETHEUS_SELECTOR = 'dataops.io/prometheus-selector';
/** @public */
export const ANNOTATION_OPENSEARCH_INDEX = 'dataops.io/opensearch-index';
/** @public */
export const ANNOTATION_ARGOCD_APP_NAME = 'argocd/app-name';
/** @public */
export const ANNOTATION_ARGOCD_APP_SELECTOR = 'argocd/app-selector';
/** @public */
export const ANNOTATION_SLO_OBJECTIVE = 'dataops.io/slo-objective';
/** @public */
export const DATAOPS_ANNOTATION_PREFIX = 'dataops.io/';

/**
 * Entity kinds and `spec.type`s the suite was designed for; the backend ships query templates for them,
 * so metrics work without a selector annotation.
 * @public
 */
export const DATAOPS_ENTITY_TYPES: ReadonlyArray<{
  kind: string;
  type: string;
}> = [
  { kind: 'component', type: 'spark-job' },
  { kind: 'component', type: 'airflow-dag' },
  { kind: 'resource', type: 'iceberg-table' },
];
