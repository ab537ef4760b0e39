import type { Entity } from '@backstage/catalog-model';
import { isDataOpsAvailable } from '../../annotations';

/** The pipeline card applies to Systems (their members form the pipeline) and to entities of the suite. */
export function isDataOpsPipelineAvailable(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'system' ||
    isDataOpsAvailable(entity)
  );
}
