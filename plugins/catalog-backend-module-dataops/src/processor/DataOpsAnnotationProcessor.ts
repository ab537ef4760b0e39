import type { Entity } from '@backstage/catalog-model';
import type { Config } from '@backstage/config';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  AnnotationValidationOptions,
  readValidationOptions,
  validateEntityAnnotations,
} from '../validation';

/**
 * Rejects malformed DataOps annotations at registration: each problem becomes an entity processing error
 * naming the annotation, so the owner sees it on the entity page instead of a failing view later.
 * @public
 */
export class DataOpsAnnotationProcessor implements CatalogProcessor {
  /** Creates the processor with the environments configured under `dataops.environments`. */
  static fromConfig(config: Config): DataOpsAnnotationProcessor {
    return new DataOpsAnnotationProcessor(readValidationOptions(config));
  }

  constructor(private readonly options: AnnotationValidationOptions) {}

  /** The name the catalog shows for this processor. */
  getProcessorName(): string {
    return 'DataOpsAnnotationProcessor';
  }

  /** Emits one input error per annotation problem and returns the entity unchanged. */
  async postProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    for (const problem of validateEntityAnnotations(entity, this.options)) {
      emit(
        processingResult.inputError(
          location,
          `Annotation ${problem.annotation}: ${problem.message}`,
        ),
      );
    }
    return entity;
  }
}
