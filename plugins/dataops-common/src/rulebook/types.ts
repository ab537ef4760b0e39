import type { SCOPE_VARIABLES } from './scopeTemplates';

/** One thing wrong with one annotation. @public */
export interface AnnotationProblem {
  /** The annotation key as written, including any `.<env>` suffix. */
  annotation: string;
  /** What is wrong with the key or its value, in words meant for the entity owner; does not repeat the key. */
  message: string;
}

/** What the rulebook knows of one configured environment. @public */
export interface EnvironmentRules {
  /** The environment name, as annotations suffix it (`.<env>`). */
  name: string;
  /**
   * The environment's OpenSearch `allowedIndexPatterns`, which may use the variables of
   * {@link SCOPE_VARIABLES} (`logs-{namespace}-*`); absent when OpenSearch is not configured there.
   */
  allowedIndexPatterns?: string[];
  /** The environment's `entityScope`: what binds an entity's logs and applications to the entity. */
  entityScope?: EntityScopeRules;
  /**
   * Labels whose equality matchers let a selector own alerts in this environment (its Alertmanager's
   * `identifyingLabels`); absent when the environment has no Alertmanager.
   */
  identifyingLabels?: string[];
}

/**
 * `entityScope` of an environment. Each template's value uses `{name}`, `{namespace}` or `{kind}`, so what it
 * requires differs for every entity. @public
 */
export interface EntityScopeRules {
  /** `field:value` term every `dataops.io/opensearch-filter` in force must contain, e.g. `kubernetes.labels.app:{name}`. */
  logFilter?: string;
  /** `key=value` requirement every `argocd/app-selector` in use must contain, e.g. `backstage.io/kubernetes-id={name}`. */
  appSelector?: string;
}

/** What annotations are checked against. @public */
export interface AnnotationValidationOptions {
  /**
   * The configured environments. When absent or empty, environment names are checked for syntax only and
   * index patterns are not checked against any allow-list.
   */
  environments?: EnvironmentRules[];
  /**
   * Report keys that are not the suite's (`backstage.io/techdocs-ref`, other `argocd/*` keys) instead of
   * leaving them alone: for writers that may only set the suite's annotations, such as the scaffolder. The
   * catalog leaves them alone, since they belong to other plugins.
   */
  rejectForeignKeys?: boolean;
}

/** The rulebook's answer on one key or value: what it means, or what is wrong with it. @public */
export type AnnotationVerdict<T> =
  | { ok: true; value: T }
  | { ok: false; problem: AnnotationProblem };

/** Options of one {@link AnnotationRule.validate} call. @public */
export interface AnnotationRuleOptions extends AnnotationValidationOptions {
  /** The key as written, e.g. with a `.<env>` suffix, which the problem names; default the rule's key. */
  key?: string;
}

/** The rule of one annotation key. @public */
export interface AnnotationRule<T> {
  /** The annotation key, e.g. `dataops.io/storage`. */
  key: string;
  /** Whether `<key>.<env>` may override the value in one environment. */
  overridable: boolean;
  /** Parses a value (surrounding blanks ignored), or says what is wrong with it. */
  validate(
    value: string,
    options?: AnnotationRuleOptions,
  ): AnnotationVerdict<T>;
}
