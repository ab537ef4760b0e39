import type { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS, readAnnotation } from '../annotations';
import { LabelMatcher, parseSelector } from '../promql';
import type { AnnotationProblem, EnvironmentRules } from './types';

/**
 * Identifying labels of an environment whose Alertmanager configuration names none: the labels the
 * platform's workloads carry (Kubernetes namespace, application, scrape job).
 * @public
 */
export const DEFAULT_IDENTIFYING_LABELS: readonly string[] = [
  'namespace',
  'app',
  'job',
];

/**
 * The equality matchers of a selector that identify a workload in an environment: `=` with a non-empty
 * value on one of the environment's identifying labels. Only these let a selector own alerts, and their
 * number is how specific the claim is; regexes and negations never count, so piling up always-true
 * matchers (`a=~".*"`) gains nothing.
 * @public
 */
export function identifyingMatchers(
  matchers: readonly LabelMatcher[],
  identifyingLabels: readonly string[],
): LabelMatcher[] {
  const identifying = new Set(identifyingLabels);
  return matchers.filter(
    m => m.op === '=' && m.value !== '' && identifying.has(m.name),
  );
}

/**
 * Selectors that can never own an alert in an environment: the selector in force there (its `.<env>`
 * override, else the plain key) has no equality matcher on any of the environment's identifying labels.
 * Only environments that declare identifying labels (those with an Alertmanager) are checked, and a
 * malformed selector is left to the rule of its key.
 * @public
 */
export function checkSelectorOwnership(
  entity: Entity,
  env: EnvironmentRules,
): AnnotationProblem[] {
  if (!env.identifyingLabels?.length) {
    return [];
  }
  const selector = readAnnotation(
    entity,
    ANNOTATIONS.prometheusSelector,
    env.name,
  );
  if (!selector) {
    return [];
  }
  let matchers: LabelMatcher[];
  try {
    matchers = parseSelector(selector);
  } catch {
    return [];
  }
  if (identifyingMatchers(matchers, env.identifyingLabels).length) {
    return [];
  }
  const override = `${ANNOTATIONS.prometheusSelector}.${env.name}`;
  return [
    {
      annotation: entity.metadata.annotations?.[override]?.trim()
        ? override
        : ANNOTATIONS.prometheusSelector,
      message: `selector can never own alerts in environment '${
        env.name
      }': it needs an equality matcher (=) on one of its identifying labels (${env.identifyingLabels.join(
        ', ',
      )}); regex and negative matchers do not count`,
    },
  ];
}
