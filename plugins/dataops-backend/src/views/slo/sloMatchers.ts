import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  LabelMatcher,
  readAnnotation,
} from '@dataops-observability/plugin-dataops-common';
import { entityMatchers } from '../shared';

/**
 * The label matchers an entity's SLI queries run with in one environment: its placement selector when it
 * has one, then the environment's own matchers. The selector is optional here, unlike for panels, because
 * the SLI template's identity annotations already name the workload. Used by the `slo` view and by the
 * team report's detection time, so both read the same series.
 */
export function sloMatchers(
  entity: Entity,
  env: string,
  extraMatchers: LabelMatcher[],
): LabelMatcher[] {
  return [
    ...(readAnnotation(entity, ANNOTATIONS.prometheusSelector, env)
      ? entityMatchers(entity, env)
      : []),
    ...extraMatchers,
  ];
}
