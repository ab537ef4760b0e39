import { ENTITY_TYPES } from '@dataops-observability/plugin-dataops-common';

/*
 * Only what the frontend alone needs: the annotation keys themselves are common's `ANNOTATIONS`.
 */

/** Any annotation under this prefix opts an entity in to the DataOps tabs. */
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
