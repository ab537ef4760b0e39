import { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS } from '@dataops-observability/plugin-dataops-common';
import { hasAnnotation } from '../../annotations';

export const ANNOTATION_STORAGE = ANNOTATIONS.storage;
export const ANNOTATION_ICEBERG_TABLE = ANNOTATIONS.icebergTable;

/** Whether the Storage tab applies: the entity names storage or an Iceberg table (for any environment). @public */
export function isDataOpsStorageAvailable(entity: Entity): boolean {
  return (
    hasAnnotation(entity, ANNOTATION_STORAGE) ||
    hasAnnotation(entity, ANNOTATION_ICEBERG_TABLE)
  );
}
