import { ANNOTATIONS, AnnotationName } from '../annotations';
import { ANNOTATION_RULES, checkEnvironmentName } from './rules';
import type { AnnotationValidationOptions, AnnotationVerdict } from './types';

const DATAOPS_PREFIX = 'dataops.io/';

const ALL_KEYS: string[] = Object.values(ANNOTATIONS);
const DATAOPS_KEYS = ALL_KEYS.filter(key => key.startsWith(DATAOPS_PREFIX));

/** Longest first, so a key that is a prefix of another never claims the other's overrides. */
const NAMES_BY_KEY_LENGTH = (Object.keys(ANNOTATIONS) as AnnotationName[]).sort(
  (a, b) => ANNOTATIONS[b].length - ANNOTATIONS[a].length,
);

/** What an annotation key stands for: the annotation, and the environment an override applies to. @public */
export interface AnnotationKeyParts {
  /** Short name of the annotation in {@link ANNOTATIONS}. */
  name: AnnotationName;
  /** The `.<env>` suffix of an override, without the dot. */
  env?: string;
}

/**
 * The `.<env>` override rule, and which keys are the suite's. `<key>.<env>` overrides `<key>` in one
 * environment when the key is overridable (every `dataops.io/*` key but `dataops.io/environments`,
 * `argocd/app-name` and `argocd/app-selector`) and `<env>` is a valid environment name, configured when
 * environments are configured. Unknown `dataops.io/*` keys (typos) are problems. Returns undefined for
 * keys of other plugins, unless `rejectForeignKeys` makes them problems too.
 * @public
 */
export function parseAnnotationKey(
  key: string,
  options: AnnotationValidationOptions = {},
): AnnotationVerdict<AnnotationKeyParts> | undefined {
  const problem = (message: string) =>
    ({ ok: false, problem: { annotation: key, message } } as const);
  for (const name of NAMES_BY_KEY_LENGTH) {
    const base = ANNOTATIONS[name];
    if (key === base) {
      return { ok: true, value: { name } };
    }
    if (key.startsWith(`${base}.`)) {
      if (!ANNOTATION_RULES[name].overridable) {
        return problem(`${base} can not be overridden per environment`);
      }
      const env = key.slice(base.length + 1);
      const envProblem = checkEnvironmentName(env, options.environments ?? []);
      return envProblem
        ? problem(envProblem)
        : { ok: true, value: { name, env } };
    }
  }
  if (key.startsWith(DATAOPS_PREFIX)) {
    return problem(`unknown annotation (known: ${DATAOPS_KEYS.join(', ')})`);
  }
  if (options.rejectForeignKeys) {
    return problem(
      `not one of the annotations of the DataOps plugins (${ALL_KEYS.join(
        ', ',
      )}), nor one of them with a .<env> suffix`,
    );
  }
  return undefined;
}
