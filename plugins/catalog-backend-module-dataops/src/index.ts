/**
 * Catalog backend module that reports malformed DataOps annotations as entity processing errors.
 *
 * @packageDocumentation
 */
export { catalogModuleDataOps as default } from './module';
export { DataOpsAnnotationProcessor } from './processor';
export { validateEntityAnnotations, readValidationOptions } from './validation';
export type {
  AnnotationProblem,
  AnnotationValidationOptions,
  EnvironmentRules,
} from './validation';
