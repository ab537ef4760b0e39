import type { Entity } from '@backstage/catalog-model';
import {
  isValidLabelKey,
  isValidLabelValue,
  isWellFormedIndexPattern,
  parseOpenSearchFilters,
} from '../annotationValues';

/**
 * Variables a scope template may use. All of them come from the entity reference (kind, namespace, name),
 * which the catalog keeps unique, or from the environment being read; none comes from an annotation, since
 * any entity may claim any annotation value (another entity's `backstage.io/kubernetes-id`, say).
 * @public
 */
export const SCOPE_VARIABLES = ['name', 'namespace', 'kind', 'env'] as const;

/** A variable of a scope template, one of {@link SCOPE_VARIABLES}. @public */
export type ScopeVariable = (typeof SCOPE_VARIABLES)[number];

/** Variables that name the entity; `env` alone binds nothing to an entity. */
const ENTITY_VARIABLES: ScopeVariable[] = ['name', 'namespace', 'kind'];

// `{` and `}` never occur in an index pattern, a field name, a label key or a label value, so a brace is
// always a variable. Not `${...}`: Backstage's config loader would read that as an environment variable.
const VARIABLE = /\{([^{}]*)\}/g;

/** The values of the scope variables for one entity in one environment. @public */
export type ScopeIdentity = ReadonlyMap<ScopeVariable, string>;

/**
 * The scope identity of an entity in an environment: its name, namespace (`default` when unset), kind in
 * lowercase, and the environment name.
 * @public
 */
export function scopeIdentity(entity: Entity, env: string): ScopeIdentity {
  return new Map<ScopeVariable, string>([
    ['name', entity.metadata.name],
    ['namespace', entity.metadata.namespace ?? 'default'],
    ['kind', entity.kind.toLocaleLowerCase('en-US')],
    ['env', env],
  ]);
}

function variablesOf(template: string): string[] {
  return [...template.matchAll(VARIABLE)].map(m => m[1]);
}

function isScopeVariable(name: string): name is ScopeVariable {
  return (SCOPE_VARIABLES as readonly string[]).includes(name);
}

/**
 * Fills the variables of a scope template. Index patterns are lowercase, so `lowercase` is set for index
 * templates. Throws on a variable that is not one of {@link SCOPE_VARIABLES}; templates are checked with
 * {@link checkScopeTemplate} when the configuration is read, so that is a bug.
 * @public
 */
export function expandScopeTemplate(
  template: string,
  identity: ScopeIdentity,
  options: { lowercase?: boolean } = {},
): string {
  return template.replace(VARIABLE, (_, name: string) => {
    if (!isScopeVariable(name)) {
      throw new Error(`unknown scope variable {${name}}`);
    }
    const value = identity.get(name) ?? '';
    return options.lowercase ? value.toLocaleLowerCase('en-US') : value;
  });
}

/** What a template is for: each kind has its own grammar once the variables are filled. @public */
export type ScopeTemplateKind = 'indexPattern' | 'logFilter' | 'appSelector';

/** A value every variable may take (entity names allow letters, digits, `-`, `_`, `.`): used to check a template's grammar. */
const SAMPLE_IDENTITY: ScopeIdentity = new Map<ScopeVariable, string>(
  SCOPE_VARIABLES.map(v => [v, 'x']),
);

/**
 * What is wrong with a scope template of the configuration, or undefined when it is fine:
 * - `indexPattern` (an `allowedIndexPatterns` item): a well-formed index pattern once filled; variables optional;
 * - `logFilter` (`entityScope.logFilter`): one `field:value` term whose value names the entity
 *   (`kubernetes.labels.app:{name}`);
 * - `appSelector` (`entityScope.appSelector`): one `key=value` label requirement whose value names the entity
 *   (`backstage.io/kubernetes-id={name}`).
 * @public
 */
export function checkScopeTemplate(
  template: string,
  kind: ScopeTemplateKind,
): string | undefined {
  const unknown = variablesOf(template).filter(v => !isScopeVariable(v));
  if (unknown.length > 0) {
    return `'${template}' uses unknown variables ${unknown
      .map(v => `{${v}}`)
      .join(', ')} (known: ${SCOPE_VARIABLES.map(v => `{${v}}`).join(', ')})`;
  }
  const filled = expandScopeTemplate(template, SAMPLE_IDENTITY, {
    lowercase: kind === 'indexPattern',
  });
  if (kind === 'indexPattern') {
    return isWellFormedIndexPattern(filled)
      ? undefined
      : `'${template}' is not a lowercase index pattern (letters, digits, * . _ -, and {variables})`;
  }
  const separator = kind === 'logFilter' ? ':' : '=';
  const at = template.indexOf(separator);
  const value = at < 0 ? '' : template.slice(at + 1);
  if (
    !variablesOf(value).some(v => (ENTITY_VARIABLES as string[]).includes(v))
  ) {
    return `'${template}' does not bind to the entity: its value must use {name}, {namespace} or {kind}`;
  }
  if (kind === 'logFilter') {
    try {
      if (parseOpenSearchFilters(filled).length === 1) {
        return undefined;
      }
    } catch {
      // reported below
    }
    return `'${template}' is not one field:value term`;
  }
  const key = template.slice(0, at);
  return isValidLabelKey(key) && isValidLabelValue(filled.slice(at + 1))
    ? undefined
    : `'${template}' is not one key=value label requirement`;
}
