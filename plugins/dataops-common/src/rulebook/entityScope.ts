import type { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS, readAnnotation } from '../annotations';
import {
  AnnotationValueError,
  checkLabelSelector,
  isIndexPatternAllowed,
  isWellFormedIndexPattern,
  labelSelectorRequirements,
  parseOpenSearchFilters,
} from '../annotationValues';
import {
  expandScopeTemplate,
  ScopeIdentity,
  scopeIdentity,
} from './scopeTemplates';
import type { AnnotationProblem, EnvironmentRules } from './types';

/**
 * Why these rules exist: annotations are written by the entity's authors, and any signed-in user may author
 * an entity. Permissions are decided on the entity a page shows, so whatever that entity's annotations
 * select is readable by its owners. Each rule below ties the selection to the entity's own reference, which
 * no other entity can hold, so an author can narrow what their entity reads but never point it at data that
 * belongs to another entity.
 */

/** The key a value was read from in one environment: the `.<env>` override when it holds the value. */
function keyInForce(entity: Entity, key: string, env: string): string {
  const override = `${key}.${env}`;
  return entity.metadata.annotations?.[override]?.trim() ? override : key;
}

/**
 * The index patterns an entity may read in an environment: the environment's `allowedIndexPatterns` with
 * the entity's variables filled in (`logs-{namespace}-*` is `logs-default-*` for an entity of the default
 * namespace). Without an identity (an annotations map, not an entity) only patterns without variables
 * count.
 * @public
 */
export function allowedIndexPatternsFor(
  patterns: string[],
  identity: ScopeIdentity | undefined,
): string[] {
  return patterns.flatMap(pattern => {
    if (identity) {
      return [expandScopeTemplate(pattern, identity, { lowercase: true })];
    }
    return pattern.includes('{') ? [] : [pattern];
  });
}

function indexProblem(
  entity: Entity,
  env: EnvironmentRules,
  identity: ScopeIdentity | undefined,
): AnnotationProblem | undefined {
  const pattern = readAnnotation(entity, ANNOTATIONS.opensearchIndex, env.name);
  // A malformed pattern is already a problem of the key that holds it.
  if (
    !env.allowedIndexPatterns ||
    !pattern ||
    !isWellFormedIndexPattern(pattern)
  ) {
    return undefined;
  }
  const allowed = allowedIndexPatternsFor(env.allowedIndexPatterns, identity);
  if (!identity && allowed.length < env.allowedIndexPatterns.length) {
    // Templates need the entity; an annotations map alone can not be judged against them.
    return undefined;
  }
  if (isIndexPatternAllowed(pattern, allowed)) {
    return undefined;
  }
  return {
    annotation: keyInForce(entity, ANNOTATIONS.opensearchIndex, env.name),
    message: `index pattern '${pattern}' is not inside the allowed patterns of environment '${
      env.name
    }' (${allowed.join(', ')})`,
  };
}

/**
 * Names are unique only within a kind and a namespace: `resource:default/daily-sales-etl` or
 * `component:other/daily-sales-etl` may exist next to `component:default/daily-sales-etl`. A template that
 * fills in `{name}` without `{namespace}` therefore binds only entities of the default namespace, and one
 * without `{kind}` only Components (the workloads whose logs and applications the suite reads). Says why
 * this entity can not be bound by `template`, or undefined when it can.
 */
function ambiguousName(
  entity: Entity,
  template: string,
  identity: ScopeIdentity,
): string | undefined {
  const uses = (variable: string) => template.includes(`{${variable}}`);
  if (!uses('name')) {
    return undefined;
  }
  if (!uses('namespace') && identity.get('namespace') !== 'default') {
    return `the environment's rule '${template}' names entities of the default namespace only (an entity of another namespace may share the name); it needs {namespace} to bind this entity`;
  }
  if (!uses('kind') && identity.get('kind') !== 'component') {
    return `the environment's rule '${template}' names Components only (a ${entity.kind} may share a Component's name); it needs {kind} to bind this entity`;
  }
  return undefined;
}

function filterProblem(
  entity: Entity,
  env: EnvironmentRules,
  identity: ScopeIdentity,
): AnnotationProblem | undefined {
  const template = env.entityScope?.logFilter;
  // The filter only matters where the entity reads logs, that is where it names an index.
  if (
    !template ||
    !readAnnotation(entity, ANNOTATIONS.opensearchIndex, env.name)
  ) {
    return undefined;
  }
  const ambiguous = ambiguousName(entity, template, identity);
  if (ambiguous) {
    return {
      annotation: keyInForce(entity, ANNOTATIONS.opensearchIndex, env.name),
      message: `this entity can not read logs in environment '${env.name}': ${ambiguous}`,
    };
  }
  const [required] = parseOpenSearchFilters(
    expandScopeTemplate(template, identity),
  );
  const raw = readAnnotation(entity, ANNOTATIONS.opensearchFilter, env.name);
  let terms;
  try {
    terms = parseOpenSearchFilters(raw);
  } catch (e) {
    if (e instanceof AnnotationValueError) {
      return undefined; // already a problem of the key that holds it
    }
    throw e;
  }
  if (
    terms.some(t => t.field === required.field && t.value === required.value)
  ) {
    return undefined;
  }
  return {
    annotation: keyInForce(entity, ANNOTATIONS.opensearchFilter, env.name),
    message: `must contain the term '${required.field}:${required.value}' in environment '${env.name}', which binds the logs to this entity (the environment's rule is '${template}')`,
  };
}

function selectorProblem(
  entity: Entity,
  env: EnvironmentRules,
  identity: ScopeIdentity,
): AnnotationProblem | undefined {
  const template = env.entityScope?.appSelector;
  const selector = readAnnotation(
    entity,
    ANNOTATIONS.argocdAppSelector,
    env.name,
  );
  // The selector is only used where the entity names no application.
  if (
    !template ||
    !selector ||
    readAnnotation(entity, ANNOTATIONS.argocdAppName, env.name)
  ) {
    return undefined;
  }
  const ambiguous = ambiguousName(entity, template, identity);
  if (ambiguous) {
    return {
      annotation: keyInForce(entity, ANNOTATIONS.argocdAppSelector, env.name),
      message: `this entity can not select Argo CD applications by label in environment '${env.name}': ${ambiguous}`,
    };
  }
  const requirements = labelSelectorRequirements(selector);
  if (!requirements || checkLabelSelector(selector)) {
    return undefined; // already a problem of the key that holds it
  }
  const filled = expandScopeTemplate(template, identity);
  // A long name can make the filled value too long for a label; then nothing can contain it.
  const [required] = labelSelectorRequirements(filled) ?? [filled];
  if (requirements.includes(required)) {
    return undefined;
  }
  return {
    annotation: keyInForce(entity, ANNOTATIONS.argocdAppSelector, env.name),
    message: `must contain the requirement '${required}' in environment '${env.name}', which binds the applications to this entity (the environment's rule is '${template}')`,
  };
}

/**
 * The logs part of the data scope rule, for one entity in one environment: the index pattern in force lies
 * inside the environment's allowed patterns filled with the entity's variables, and where the environment
 * has `entityScope.logFilter`, the filter in force contains that term filled for this entity. The logs view
 * refuses what this reports. Returns one problem per broken part.
 * @public
 */
export function checkLogScope(
  entity: Entity,
  env: EnvironmentRules,
): AnnotationProblem[] {
  const identity = scopeIdentity(entity, env.name);
  return [
    indexProblem(entity, env, identity),
    filterProblem(entity, env, identity),
  ].filter((p): p is AnnotationProblem => Boolean(p));
}

/**
 * The Argo CD part of the data scope rule: where the environment has `entityScope.appSelector` and the
 * entity selects its applications by label, the selector in force contains that requirement filled for
 * this entity. The deployments view refuses what this reports.
 * @public
 */
export function checkAppScope(
  entity: Entity,
  env: EnvironmentRules,
): AnnotationProblem[] {
  const problem = selectorProblem(entity, env, scopeIdentity(entity, env.name));
  return problem ? [problem] : [];
}

/**
 * The whole data scope rule ({@link checkLogScope} and {@link checkAppScope}) for one environment. An
 * annotations map (`withIdentity: false`) has no entity reference, so only the index patterns without
 * variables are checked for it.
 * @public
 */
export function checkEntityScope(
  entity: Entity,
  env: EnvironmentRules,
  options: { withIdentity?: boolean } = {},
): AnnotationProblem[] {
  if (options.withIdentity === false) {
    const problem = indexProblem(entity, env, undefined);
    return problem ? [problem] : [];
  }
  return [...checkLogScope(entity, env), ...checkAppScope(entity, env)];
}
