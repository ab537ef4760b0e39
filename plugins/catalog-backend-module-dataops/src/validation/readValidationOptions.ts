import type { Config } from '@backstage/config';
import {
  checkScopeTemplate,
  DEFAULT_IDENTIFYING_LABELS,
  ScopeTemplateKind,
} from '@dataops-observability/plugin-dataops-common';
import type { AnnotationValidationOptions } from './types';

/**
 * Reads the parts of `dataops.environments` the validation needs: names, index patterns and the
 * `entityScope` templates of the data scope rule. The DataOps backend owns and checks the rest of that
 * configuration; the catalog may run without it, and then only syntax is checked. A template the rulebook
 * refuses stops start-up, as it does in the backend: a processor that silently skipped it would accept
 * entities the backend then refuses.
 * @public
 */
export function readValidationOptions(
  config: Config,
): AnnotationValidationOptions {
  const environments = config.getOptionalConfigArray('dataops.environments');
  return {
    environments: (environments ?? []).map(env => {
      const name = env.getString('name');
      const check = (key: string, value: string, kind: ScopeTemplateKind) => {
        const problem = checkScopeTemplate(value, kind);
        if (problem) {
          throw new Error(
            `Invalid dataops environment '${name}': ${key}: ${problem}`,
          );
        }
      };
      const template = (key: string, kind: ScopeTemplateKind) => {
        const value = env.getOptionalString(key)?.trim();
        if (value) {
          check(key, value, kind);
        }
        return value || undefined;
      };
      const allowedIndexPatterns = env.getOptionalStringArray(
        'opensearch.allowedIndexPatterns',
      );
      for (const pattern of allowedIndexPatterns ?? []) {
        check('opensearch.allowedIndexPatterns', pattern, 'indexPattern');
      }
      // Alert ownership is only checked where an Alertmanager is configured (docs/alerts.md).
      const identifyingLabels = env.has('alertmanager')
        ? env.getOptionalStringArray('alertmanager.identifyingLabels') ?? [
            ...DEFAULT_IDENTIFYING_LABELS,
          ]
        : undefined;
      return {
        name,
        allowedIndexPatterns,
        identifyingLabels,
        entityScope: {
          logFilter: template('entityScope.logFilter', 'logFilter'),
          appSelector: template('entityScope.appSelector', 'appSelector'),
        },
      };
    }),
  };
}
