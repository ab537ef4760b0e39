import { isValidEnvironmentName } from '../annotations';
import type { EnvironmentRules } from './types';

/**
 * What is wrong with an environment name used in an annotation, or undefined: syntax always, and being one
 * of the configured environments when any are configured.
 */
export function checkEnvironmentName(
  env: string,
  environments: EnvironmentRules[],
): string | undefined {
  if (!isValidEnvironmentName(env)) {
    return `'${env}' is not a valid environment name`;
  }
  const configured = environments.map(e => e.name);
  if (configured.length > 0 && !configured.includes(env)) {
    return `environment '${env}' is not configured (configured: ${configured.join(
      ', ',
    )})`;
  }
  return undefined;
}
