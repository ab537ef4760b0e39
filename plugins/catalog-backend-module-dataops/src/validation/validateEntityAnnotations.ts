import type { Entity } from '@backstage/catalog-model';
import { validateAnnotations } from '@dataops-observability/plugin-dataops-common';
import type { AnnotationProblem, AnnotationValidationOptions } from './types';

/**
 * Checks every `dataops.io/*`, `argocd/app-name`, `argocd/app-selector` and `backstage.io/kubernetes-id`
 * annotation of an entity, plain and `.<env>` overrides, with the annotation rulebook of
 * `@dataops-observability/plugin-dataops-common` (`validateAnnotations`), the one the scaffolder writes
 * by. Keys of other plugins are left alone. Returns one problem per mistake; an empty list means the
 * entity is fine. Blank values count as absent, as they do when read.
 * @public
 */
export function validateEntityAnnotations(
  entity: Entity,
  options: AnnotationValidationOptions,
): AnnotationProblem[] {
  return validateAnnotations(entity, { ...options, rejectForeignKeys: false });
}
