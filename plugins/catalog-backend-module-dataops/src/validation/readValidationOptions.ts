import type { Config } from '@backstage/config';
import type { AnnotationValidationOptions } from './types';

/**
 * Reads the parts of `dataops.environments` the validation needs. The DataOps backend owns and checks the
 * rest of that configuration; the catalog may run without it, and then only syntax is checked.
 * @public
 */
export function readValidationOptions(
  config: Config,
): AnnotationValidationOptions {
  const environments = config.getOptionalConfigArray('dataops.environments');
  return {
    environments: (environments ?? []).map(env => ({
      name: env.getString('name'),
      allowedIndexPatterns: env.getOptionalStringArray(
        'opensearch.allowedIndexPatterns',
      ),
    })),
  };
}
