import {
  ANNOTATIONS,
  ENTITY_TYPES,
} from '@dataops-observability/plugin-dataops-common';

/**
 * Annotation keys the frontend reads. Any of them may carry a `.<env>` suffix that
 * overrides the plain key for one environment.
 */

export const ANNOTATION_ENVIRONMENTS = ANNOTATIONS.environments;
export const ANNOTATION_PROMETHEUS_SELECTOR = ANNOTATIONS.prometheusSelector;
export const ANNOTATION_OPENSEARCH_INDEX = ANNOTATIONS.opensearchIndex;
export const ANNOTATION_ARGOCD_APP_NAME = ANNOTATIONS.argocdAppName;
export const ANNOTATION_ARGOCD_APP_SELECTOR = ANNOTATIONS.argocdAppSelector;
export const ANNOTATION_SLO_OBJECTIVE = ANNOTATIONS.sloObjective;
export const DATAOPS_ANNOTATION_PREFIX = 'dataops.io/';

/**
 * Entity kinds and `spec.type`s the suite was designed for; the backend ships query templates for them,
 * so metrics work without a selector annotation.
 */
export const DATAOPS_ENTITY_TYPES: ReadonlyArray<{
  kind: string;
  type: string;
}> = [
  { kind: 'component', type: ENTITY_TYPES.sparkJob },
  { kind: 'component', type: ENTITY_TYPES.airflowDag },
  { kind: 'resource', type: ENTITY_TYPES.icebergTable },
];
