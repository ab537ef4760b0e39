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
  static fromConfig(config: Config): DataOpsAnnotationProcessor {
    return new DataOpsAnnotationProcessor(readValidationOptions(config));
  }

  constructor(private readonly options: AnnotationValidationOptions) {}

  getProcessorName(): string {
    return 'DataOpsAnnotationProcessor';
  }

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
