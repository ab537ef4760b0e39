export { validateEntityAnnotations } from './validateEntityAnnotations';
export { readValidationOptions } from './readValidationOptions';
export type {
  AnnotationProblem,
  AnnotationValidationOptions,
  EnvironmentRules,
} from './types';
