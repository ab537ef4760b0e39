/**
 * The annotation rulebook: what each annotation key accepts, the `.<env>` override rule, and the check of a
 * whole entity. The catalog processor and the scaffolder both judge annotations with it, so they can not
 * disagree.
 */
export { ANNOTATION_RULES } from './rules';
export {
  MAX_RUN_SLA_SECONDS,
  RUN_SLA_CRITICAL_FACTOR,
  parseRunSla,
  runSlaThresholds,
} from './runSla';
export type { AnnotationRules } from './rules';
export {
  MAX_ALERT_RECEIVERS_LENGTH,
  MAX_ALERT_RECEIVER_ENTRIES,
  MAX_ALERT_RECEIVER_TARGETS,
  formatAlertReceiverScope,
  formatAlertReceiverTarget,
  parseAlertReceivers,
} from './alertReceivers';
export type {
  AlertReceiverEntry,
  AlertReceiverKind,
  AlertReceiverScope,
  AlertReceiverTarget,
} from './alertReceivers';
export { parseAnnotationKey } from './annotationKeys';
export type { AnnotationKeyParts } from './annotationKeys';
export { checkAnnotation, validateAnnotations } from './validateAnnotations';
export type {
  AnnotationProblem,
  AnnotationRule,
  AnnotationRuleOptions,
  AnnotationValidationOptions,
  AnnotationVerdict,
  EntityScopeRules,
  EnvironmentRules,
} from './types';
export {
  checkAppScope,
  checkEntityScope,
  checkLogScope,
  allowedIndexPatternsFor,
} from './entityScope';
export {
  SCOPE_VARIABLES,
  checkScopeTemplate,
  expandScopeTemplate,
  scopeIdentity,
} from './scopeTemplates';
export type {
  ScopeIdentity,
  ScopeTemplateKind,
  ScopeVariable,
} from './scopeTemplates';
export {
  DEFAULT_IDENTIFYING_LABELS,
  checkSelectorOwnership,
  identifyingMatchers,
} from './selectorOwnership';
