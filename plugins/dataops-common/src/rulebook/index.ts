/**
 * The annotation rulebook: what each annotation key accepts, the `.<env>` override rule, and the check of a
 * whole entity. The catalog processor and the scaffolder both judge annotations with it, so they can not
 * disagree.
 */
export { ANNOTATION_RULES } from './rules';
export type { AnnotationRules } from './rules';
export { parseAnnotationKey } from './annotationKeys';
export type { AnnotationKeyParts } from './annotationKeys';
export { checkAnnotation, validateAnnotations } from './validateAnnotations';
export type {
  AnnotationProblem,
  AnnotationRule,
  AnnotationRuleOptions,
  AnnotationValidationOptions,
  AnnotationVerdict,
  EnvironmentRules,
} from './types';
