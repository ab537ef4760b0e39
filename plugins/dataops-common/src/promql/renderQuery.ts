import { parser } from '@prometheus-io/lezer-promql';
import type { SyntaxNode, Tree } from '@lezer/common';
import { LabelMatcher, SelectorError, formatMatchers } from './parseSelector';
import { decodeStringLiteral, encodeStringLiteral } from './stringLiteral';

/**
 * Identity values substituted into `${name}` placeholders of a template (dag id, table, Spark app name).
 * @public
 */
export type QueryIdentity = Record<string, string | undefined>;

/** What {@link renderQuery} puts into a template. @public */
export interface RenderQueryOptions {
  /** Matchers added to every vector selector of the template. */
  matchers: LabelMatcher[];
  /** Values for `${name}` placeholders; a placeholder without a value fails the render. */
  identity?: QueryIdentity;
}

/**
 * Identity values end up inside PromQL string literals. Restricting them to the characters real DAG ids,
 * table names and Spark app names use keeps them from changing what a template means.
 */
const IDENTITY_VALUE = /^[A-Za-z0-9][A-Za-z0-9_.:/-]{0,252}$/;
const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
const HAS_PLACEHOLDER = /\$\{[A-Za-z_][A-Za-z0-9_]*\}/;
const REGEX_META = /[.*+?^$()[\]{}|\\]/g;

/** Throws unless `value` is acceptable as an identity placeholder value. @public */
export function validateIdentityValue(name: string, value: string): void {
  if (!IDENTITY_VALUE.test(value)) {
    throw new SelectorError(
      `value '${value}' for '${name}' may only contain letters, digits and _ . : / - (max 253 characters)`,
    );
  }
}

function parseOrThrow(query: string): Tree {
  const tree = parser.parse(query);
  let error: number | undefined;
  tree.iterate({
    enter(node) {
      if (node.type.isError && error === undefined) {
        error = node.from;
      }
    },
  });
  if (error !== undefined) {
    throw new SelectorError(
      `query template does not parse near '${query.slice(
        Math.max(0, error - 10),
        error + 10,
      )}': ${query}`,
    );
  }
  return tree;
}

interface Edit {
  from: number;
  to: number;
  text: string;
}

function applyEdits(source: string, edits: Edit[]): string {
  let out = source;
  for (const edit of [...edits].sort((a, b) => b.from - a.from)) {
    out = out.slice(0, edit.from) + edit.text + out.slice(edit.to);
  }
  return out;
}

function isRegexMatcher(literal: SyntaxNode, source: string): boolean {
  const op = literal.parent?.getChild('MatchOp');
  const text = op ? source.slice(op.from, op.to) : '';
  return text === '=~' || text === '!~';
}

function substitutePlaceholders(
  template: string,
  tree: Tree,
  identity: QueryIdentity,
): string {
  const edits: Edit[] = [];
  tree.iterate({
    enter(ref) {
      if (ref.name !== 'StringLiteral') {
        return;
      }
      const raw = template.slice(ref.from, ref.to);
      const decoded = decodeStringLiteral(raw);
      if (!HAS_PLACEHOLDER.test(decoded)) {
        return;
      }
      const regex = isRegexMatcher(ref.node, template);
      const replaced = decoded.replace(PLACEHOLDER, (_m, name: string) => {
        const value = identity[name];
        if (value === undefined || value === '') {
          throw new SelectorError(
            `query needs '${name}', which the entity does not provide`,
          );
        }
        validateIdentityValue(name, value);
        return regex ? value.replace(REGEX_META, '\\$&') : value;
      });
      edits.push({
        from: ref.from,
        to: ref.to,
        text: encodeStringLiteral(replaced),
      });
    },
  });
  return applyEdits(template, edits);
}

/**
 * Turns a panel template into the PromQL to run: `${name}` placeholders inside string literals get the
 * validated identity values, then the entity's matchers are added to every vector selector found in the
 * syntax tree (also those inside functions, aggregations, binary operations and subqueries). Placeholders
 * outside string literals make the template fail to parse, so they can never inject syntax.
 * @public
 */
export function renderQuery(
  template: string,
  options: RenderQueryOptions,
): string {
  let query = template;
  const tree = parseOrThrow(query);
  if (HAS_PLACEHOLDER.test(query)) {
    query = substitutePlaceholders(query, tree, options.identity ?? {});
  }
  if (options.matchers.length === 0) {
    return query;
  }
  const injected = formatMatchers(options.matchers);
  const edits: Edit[] = [];
  parseOrThrow(query).iterate({
    enter(ref) {
      if (ref.name !== 'VectorSelector') {
        return;
      }
      const matchers = ref.node.getChild('LabelMatchers');
      if (matchers) {
        const hasOwn = matchers.firstChild !== null;
        edits.push({
          from: matchers.from + 1,
          to: matchers.from + 1,
          text: hasOwn ? `${injected},` : injected,
        });
      } else {
        edits.push({ from: ref.to, to: ref.to, text: `{${injected}}` });
      }
    },
  });
  return applyEdits(query, edits);
}

/**
 * The vector selectors of a (rendered) query as PromQL text, e.g. for asking `/api/v1/series` whether each
 * metric exists at all for the entity.
 * @public
 */
export function extractVectorSelectors(query: string): string[] {
  const found = new Set<string>();
  parseOrThrow(query).iterate({
    enter(ref) {
      if (ref.name === 'VectorSelector') {
        found.add(query.slice(ref.from, ref.to));
        return false;
      }
      return undefined;
    },
  });
  return [...found];
}
