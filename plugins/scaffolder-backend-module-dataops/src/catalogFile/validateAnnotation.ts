import { InputError } from '@backstage/errors';
import {
  checkAnnotation,
  EnvironmentRules,
} from '@dataops-observability/plugin-dataops-common';

/**
 * Checks one annotation the annotate action is asked to write (optionally `<key>.<env>`) with the
 * annotation rulebook of `@dataops-observability/plugin-dataops-common`, the one the catalog processor
 * judges entities by, so nothing written here is refused at registration. Unlike the catalog, keys of other
 * plugins are refused: the action only writes the suite's annotations, and a typo must not silently do
 * nothing. With the configured `environments`, `.<env>` suffixes must name one of them and index patterns
 * must lie inside the allowed ones, as in the catalog. Throws an `InputError` naming the key.
 * @public
 */
export function validateAnnotation(
  key: string,
  value: string,
  environments: EnvironmentRules[] = [],
): void {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(
      `Invalid input 'annotations.${key}': the value is empty`,
    );
  }
  const problem = checkAnnotation(key, value, {
    rejectForeignKeys: true,
    environments,
  });
  if (problem) {
    throw new InputError(
      `Invalid input 'annotations.${key}': ${problem.message}`,
    );
  }
}
