import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  entityEnvironments,
  readAnnotation,
} from '../annotations';
import {
  isIndexPatternAllowed,
  isWellFormedIndexPattern,
} from '../annotationValues';
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
 * The index pattern that applies in each environment must fall inside that environment's allowed patterns,
 * or the logs view would refuse it there. Environments the entity does not run in, or without OpenSearch,
 * are not checked.
 */
function indexPatternProblems(
  entity: Entity,
  environments: EnvironmentRules[],
): AnnotationProblem[] {
  const active = new Set(
    entityEnvironments(
      entity,
      environments.map(e => e.name),
    ),
  );
  const annotations = entity.metadata.annotations ?? {};
  const problems: AnnotationProblem[] = [];
  for (const env of environments) {
    const pattern = readAnnotation(
      entity,
      ANNOTATIONS.opensearchIndex,
      env.name,
    );
    // A malformed pattern is already a problem of the key that holds it.
    if (
      !active.has(env.name) ||
      !env.allowedIndexPatterns ||
      !pattern ||
      !isWellFormedIndexPattern(pattern)
    ) {
      continue;
    }
    if (!isIndexPatternAllowed(pattern, env.allowedIndexPatterns)) {
      const override = `${ANNOTATIONS.opensearchIndex}.${env.name}`;
      problems.push({
        annotation: annotations[override]?.trim()
          ? override
          : ANNOTATIONS.opensearchIndex,
        message: `index pattern '${pattern}' is not inside the allowed patterns of environment '${
          env.name
        }' (${env.allowedIndexPatterns.join(', ')})`,
      });
    }
  }
  return problems;
}

function isEntity(source: Entity | Record<string, string>): source is Entity {
  // Annotation values are strings, so an object under `metadata` can only be an entity's.
  return typeof source.metadata === 'object' && source.metadata !== null;
}

/**
 * Checks every annotation of an entity (or an annotations map) with {@link checkAnnotation}, then the
 * index pattern in force in each configured environment against that environment's allow-list. Returns
 * one problem per mistake; an empty list means the annotations are fine.
 * @public
 */
export function validateAnnotations(
  source: Entity | Record<string, string>,
  options: AnnotationValidationOptions = {},
): AnnotationProblem[] {
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
    ...indexPatternProblems(entity, options.environments ?? []),
  ];
}
