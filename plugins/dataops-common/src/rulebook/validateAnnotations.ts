import type { Entity } from '@backstage/catalog-model';
import { entityEnvironments } from '../annotations';
import { checkEntityScope } from './entityScope';
import { checkSelectorOwnership } from './selectorOwnership';
import { parseAnnotationKey } from './annotationKeys';
import { ANNOTATION_RULES } from './rules';
import type {
  AnnotationProblem,
  AnnotationValidationOptions,
  EnvironmentRules,
} from './types';

/**
 * Checks one annotation, key and value, on its own: the `.<env>` override rule, unknown `dataops.io/*`
 * keys, and the rule of the key for the value. A blank value counts as absent, as it does when read, so
 * only its key is checked. Returns what is wrong, or undefined when the annotation is fine or not the
 * suite's (see `rejectForeignKeys`).
 * @public
 */
export function checkAnnotation(
  key: string,
  value: string,
  options: AnnotationValidationOptions = {},
): AnnotationProblem | undefined {
  const parts = parseAnnotationKey(key, options);
  if (!parts) {
    return undefined;
  }
  if (!parts.ok) {
    return parts.problem;
  }
  if (String(value ?? '').trim() === '') {
    return undefined;
  }
  const verdict = ANNOTATION_RULES[parts.value.name].validate(value, {
    ...options,
    key,
  });
  return verdict.ok ? undefined : verdict.problem;
}

/**
 * The data scope rule ({@link checkEntityScope}) in every configured environment the entity runs in;
 * environments it does not run in are not read for it, so not checked.
 */
function scopeProblems(
  entity: Entity,
  environments: EnvironmentRules[],
  withIdentity: boolean,
): AnnotationProblem[] {
  const active = new Set(
    entityEnvironments(
      entity,
      environments.map(e => e.name),
    ),
  );
  return environments
    .filter(env => active.has(env.name))
    .flatMap(env => [
      ...checkEntityScope(entity, env, { withIdentity }),
      ...checkSelectorOwnership(entity, env),
    ]);
}

function isEntity(source: Entity | Record<string, string>): source is Entity {
  // Annotation values are strings, so an object under `metadata` can only be an entity's.
  return typeof source.metadata === 'object' && source.metadata !== null;
}

/**
 * Checks every annotation of an entity (or an annotations map) with {@link checkAnnotation}, then the data
 * scope rule (index pattern, log filter, Argo CD selector bound to the entity) in each configured
 * environment; an annotations map has no entity reference, so it gets only the checks that need none. Returns
 * one problem per mistake; an empty list means the annotations are fine.
 * @public
 */
export function validateAnnotations(
  source: Entity | Record<string, string>,
  options: AnnotationValidationOptions = {},
): AnnotationProblem[] {
  const withIdentity = isEntity(source);
  const entity: Entity = isEntity(source)
    ? source
    : {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'annotations', annotations: source },
      };
  const annotations = entity.metadata.annotations ?? {};
  const problems = Object.entries(annotations).flatMap(([key, value]) => {
    const problem = checkAnnotation(key, value, options);
    return problem ? [problem] : [];
  });
  return [
    ...problems,
    ...scopeProblems(entity, options.environments ?? [], withIdentity),
  ];
}
