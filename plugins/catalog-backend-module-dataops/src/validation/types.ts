// The rulebook in plugin-dataops-common owns these types; re-exported so this package's API stays whole.
export type {
  AnnotationProblem,
  AnnotationValidationOptions,
  EnvironmentRules,
} from '@dataops-observability/plugin-dataops-common';
