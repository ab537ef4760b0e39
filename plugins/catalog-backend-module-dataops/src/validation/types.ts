/** One thing wrong with one annotation of an entity. @public */
export interface AnnotationProblem {
  /** The annotation key as written on the entity, including any `.<env>` suffix. */
  annotation: string;
  /** What is wrong with the value, in words meant for the entity owner. */
  message: string;
}

/** What the catalog knows of one configured environment. @public */
export interface EnvironmentRules {
  /** The environment name, as annotations suffix it (`.<env>`). */
  name: string;
  /** The environment's OpenSearch `allowedIndexPatterns`; absent when OpenSearch is not configured there. */
  allowedIndexPatterns?: string[];
}

/** What annotations are checked against. @public */
export interface AnnotationValidationOptions {
  /**
   * The configured environments. When empty, environment names are checked for syntax only and index
   * patterns are not checked against any allow-list.
   */
  environments: EnvironmentRules[];
}
