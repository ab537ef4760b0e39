import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  checkLabelSelector,
  entityEnvironments,
  isIndexPatternAllowed,
  isValidArgoCdAppName,
  isValidEnvironmentName,
  isWellFormedIndexPattern,
  parseObjective,
  parseOpenSearchFilters,
  parseSelector,
  parseStorageList,
  parseWindow,
  readAnnotation,
  splitList,
  validateIdentityValue,
} from '@dataops-observability/plugin-dataops-common';
import type {
  AnnotationProblem,
  AnnotationValidationOptions,
  EnvironmentRules,
} from './types';

const DATAOPS_PREFIX = 'dataops.io/';

/** Keys this suite reads. `backstage.io/kubernetes-id` belongs to the Kubernetes plugin, which checks it. */
const KNOWN_KEYS: string[] = Object.values(ANNOTATIONS).filter(
  key => key.startsWith(DATAOPS_PREFIX) || key.startsWith('argocd/'),
);

/** Longest first, so a key that is a prefix of another never claims its overrides. */
const KEYS_BY_LENGTH = [...KNOWN_KEYS].sort((a, b) => b.length - a.length);

const IDENTITY_KEYS: string[] = [
  ANNOTATIONS.airflowDagId,
  ANNOTATIONS.sparkAppName,
  ANNOTATIONS.icebergTable,
];

/** Returns what is wrong with one value (plain or override), or undefined. */
type ValueCheck = (value: string) => string | undefined;

function throwsMessage(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

const VALUE_CHECKS: Record<string, ValueCheck> = {
  [ANNOTATIONS.prometheusSelector]: value =>
    throwsMessage(() => parseSelector(value)),
  [ANNOTATIONS.opensearchIndex]: value =>
    isWellFormedIndexPattern(value)
      ? undefined
      : `'${value}' is not a single lowercase index pattern (letters, digits, * . _ -; no lists, exclusions or remote clusters)`,
  [ANNOTATIONS.opensearchFilter]: value =>
    throwsMessage(() => parseOpenSearchFilters(value)),
  [ANNOTATIONS.argocdAppName]: value =>
    isValidArgoCdAppName(value)
      ? undefined
      : `'${value}' is not a valid Argo CD application name (lowercase letters, digits, '-' and '.')`,
  [ANNOTATIONS.argocdAppSelector]: value => checkLabelSelector(value),
  [ANNOTATIONS.sloObjective]: value =>
    throwsMessage(() => parseObjective(value)),
  [ANNOTATIONS.sloWindow]: value => throwsMessage(() => parseWindow(value)),
  [ANNOTATIONS.storage]: value => throwsMessage(() => parseStorageList(value)),
  ...Object.fromEntries(
    IDENTITY_KEYS.map(key => [
      key,
      (value: string) => throwsMessage(() => validateIdentityValue(key, value)),
    ]),
  ),
};

function splitKey(key: string): { base: string; env?: string } | undefined {
  const base = KEYS_BY_LENGTH.find(
    known => key === known || key.startsWith(`${known}.`),
  );
  if (!base) {
    return undefined;
  }
  return key === base ? { base } : { base, env: key.slice(base.length + 1) };
}

function checkEnvironmentName(
  env: string,
  configured: string[],
): string | undefined {
  if (!isValidEnvironmentName(env)) {
    return `'${env}' is not a valid environment name`;
  }
  if (configured.length > 0 && !configured.includes(env)) {
    return `environment '${env}' is not configured (configured: ${configured.join(
      ', ',
    )})`;
  }
  return undefined;
}

function checkEnvironmentList(
  value: string,
  configured: string[],
): string | undefined {
  const names = splitList(value);
  if (names.length === 0) {
    return 'names no environment';
  }
  const problems = names
    .map(name => checkEnvironmentName(name, configured))
    .filter(Boolean);
  return problems.length ? problems.join('; ') : undefined;
}

/**
 * The index pattern that applies in each environment must fall inside that environment's allowed patterns,
 * or the logs view would refuse it there. Environments without OpenSearch are not checked.
 */
function indexPatternProblems(
  entity: Entity,
  environments: EnvironmentRules[],
): AnnotationProblem[] {
  const names = environments.map(e => e.name);
  const active = new Set(entityEnvironments(entity, names));
  const annotations = entity.metadata.annotations ?? {};
  const problems: AnnotationProblem[] = [];
  for (const env of environments) {
    const pattern = readAnnotation(
      entity,
      ANNOTATIONS.opensearchIndex,
      env.name,
    );
    if (!active.has(env.name) || !env.allowedIndexPatterns || !pattern) {
      continue;
    }
    if (!isWellFormedIndexPattern(pattern)) {
      // Already reported as a syntax problem of the key that holds it.
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

/**
 * Checks every `dataops.io/*`, `argocd/app-name` and `argocd/app-selector` annotation of an entity, plain and
 * `.<env>` overrides, with the same parsers the backend uses when it runs queries. Returns one problem per
 * mistake; an empty list means the entity is fine. Blank values count as absent, as they do when read.
 * @public
 */
export function validateEntityAnnotations(
  entity: Entity,
  options: AnnotationValidationOptions,
): AnnotationProblem[] {
  const configured = options.environments.map(e => e.name);
  const problems: AnnotationProblem[] = [];
  for (const [annotation, raw] of Object.entries(
    entity.metadata.annotations ?? {},
  )) {
    const parts = splitKey(annotation);
    if (!parts) {
      // Other argocd/* keys belong to the community Argo CD plugin; only our own prefix is checked for typos.
      if (annotation.startsWith(DATAOPS_PREFIX)) {
        problems.push({
          annotation,
          message: `unknown annotation (known: ${KNOWN_KEYS.filter(k =>
            k.startsWith(DATAOPS_PREFIX),
          ).join(', ')})`,
        });
      }
      continue;
    }
    const { base, env } = parts;
    if (env !== undefined) {
      const envProblem =
        base === ANNOTATIONS.environments
          ? `${base} can not be overridden per environment`
          : checkEnvironmentName(env, configured);
      if (envProblem) {
        problems.push({ annotation, message: envProblem });
        continue;
      }
    }
    const value = String(raw ?? '').trim();
    if (!value) {
      continue;
    }
    const message =
      base === ANNOTATIONS.environments
        ? checkEnvironmentList(value, configured)
        : VALUE_CHECKS[base]?.(value);
    if (message) {
      problems.push({ annotation, message });
    }
  }
  return [...problems, ...indexPatternProblems(entity, options.environments)];
}
