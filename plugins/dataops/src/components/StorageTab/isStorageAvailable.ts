import { Entity } from '@backstage/catalog-model';
import { hasAnnotation } from '../../annotations';

/** @public */
export const ANNOTATION_STORAGE = 'dataops.io/storage';
/** @public */
export const ANNOTATION_ICEBERG_TABLE = 'dataops.io/iceberg-table';

/** Whether the Storage tab applies: the entity names storage or an Iceberg table (for any environment). @public */
export function isDataOpsStorageAvailable(entity: Entity): boolean {
  return (
    hasAnnotation(entity, ANNOTATION_STORAGE) ||
    hasAnnotation(entity, ANNOTATION_ICEBERG_TABLE)
  );
}
