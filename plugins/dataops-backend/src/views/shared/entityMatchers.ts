import { InputError } from '@backstage/errors';
import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  LabelMatcher,
  parseSelector,
  readAnnotation,
} from '@dataops-observability/plugin-dataops-common';
import { DataOpsMissingAnnotationError } from '@dataops-observability/plugin-dataops-node';

/**
 * The entity's label matchers for one environment. A malformed selector is the caller's problem (400);
 * a missing one only means this entity has no metrics here.
 */
export function entityMatchers(
  entity: Entity,
  env: string,
  source = 'thanos',
): LabelMatcher[] {
  const raw = readAnnotation(entity, ANNOTATIONS.prometheusSelector, env);
  if (!raw) {
    throw new DataOpsMissingAnnotationError(
      source,
      `the entity has no ${ANNOTATIONS.prometheusSelector} annotation`,
    );
  }
  try {
    return parseSelector(raw);
  } catch (e) {
    throw new InputError(
      `Bad annotation ${ANNOTATIONS.prometheusSelector}${
        readAnnotation(entity, `${ANNOTATIONS.prometheusSelector}.${env}`)
          ? `.${env}`
          : ''
      }: ${(e as Error).message}`,
    );
  }
}
