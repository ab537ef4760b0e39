import type { Config } from '@backstage/config';
import {
  checkScopeTemplate,
  EntityScopeRules,
  ScopeTemplateKind,
} from '@dataops-observability/plugin-dataops-common';

/**
 * Reads `entityScope` of an environment item: the templates that bind an entity's log filter and Argo CD
 * selector to the entity (docs/configuration.md, "Data scope"). Both the OpenSearch and the Argo CD source
 * read it at start-up, so a bad template stops the backend with a message naming the environment and key.
 * Undefined when the environment binds neither.
 */
export function readEntityScope(env: Config): EntityScopeRules | undefined {
  const where = `dataops environment '${env.getString('name')}'`;
  const read = (key: keyof EntityScopeRules, kind: ScopeTemplateKind) => {
    const template = env.getOptionalString(`entityScope.${key}`)?.trim();
    if (!template) {
      return undefined;
    }
    const problem = checkScopeTemplate(template, kind);
    if (problem) {
      throw new Error(`Invalid ${where}: entityScope.${key}: ${problem}`);
    }
    return template;
  };
  const logFilter = read('logFilter', 'logFilter');
  const appSelector = read('appSelector', 'appSelector');
  return logFilter || appSelector ? { logFilter, appSelector } : undefined;
}
