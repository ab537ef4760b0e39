import { parser } from '@prometheus-io/lezer-promql';
import type { SyntaxNode } from '@lezer/common';
import { compileLabelRegex } from './labelRegex';
import { decodeStringLiteral, encodeStringLiteral } from './stringLiteral';

/** Label matcher operator a selector annotation may use. @public */
export type MatchOperator = '=' | '!=' | '=~' | '!~';

/** One label matcher of a `dataops.io/prometheus-selector` annotation. @public */
export interface LabelMatcher {
  /** Label name. */
  name: string;
  /** Match operator. */
  op: MatchOperator;
  /** Value or, for `=~` and `!~`, RE2 regular expression. */
  value: string;
}

/** Thrown when a selector or template is not acceptable; the message says what is wrong. @public */
export class SelectorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SelectorError';
  }
}

const MAX_SELECTOR_LENGTH = 2000;
const MATCH_OPS: MatchOperator[] = ['=', '!=', '=~', '!~'];

/**
 * Checks that a regex matcher value compiles under RE2, the engine Prometheus and Alertmanager use: what
 * they accept (`(?i)error`) is accepted, what they reject (look-around, back-references) is rejected.
 * @public
 */
export function checkMatcherRegex(value: string): string | undefined {
  try {
    compileLabelRegex(value);
    return undefined;
  } catch (e) {
    const message = (e as Error).message;
    // The usual surprise for someone used to JavaScript or PCRE regexes, so say it in plain words.
    return /\(\?[=!<]|\\[1-9]/.test(value)
      ? `look-around and back-references are not supported by Prometheus regexes (${message})`
      : message;
  }
}

function describe(text: string, node: SyntaxNode): string {
  return `'${text.slice(node.from, node.to)}'`;
}

/**
 * Parses the `dataops.io/prometheus-selector` annotation (`namespace="spark",app=~"etl-.*"`) with the
 * Prometheus project's own PromQL grammar. The text is wrapped in braces and must parse to exactly one
 * vector selector made only of `label <op> "string"` matchers; anything else (metric names, functions,
 * operators smuggled in after a closing brace, reserved `__` labels) is rejected.
 * @public
 */
export function parseSelector(selector: string): LabelMatcher[] {
  const text = selector.trim();
  if (text.length > MAX_SELECTOR_LENGTH) {
    throw new SelectorError(
      `selector is longer than ${MAX_SELECTOR_LENGTH} characters`,
    );
  }
  if (text === '') {
    return [];
  }
  const source = `{${text}}`;
  const tree = parser.parse(source);
  let syntaxError: string | undefined;
  tree.iterate({
    enter(node) {
      if (node.type.isError && !syntaxError) {
        const near = source.slice(Math.max(0, node.from - 1), node.from + 10);
        syntaxError = `syntax error near '${near}'`;
      }
    },
  });
  if (syntaxError) {
    throw new SelectorError(`invalid selector "${text}": ${syntaxError}`);
  }
  const top = tree.topNode.firstChild;
  const matchersNode = top?.firstChild;
  if (
    !top ||
    top.name !== 'VectorSelector' ||
    top.nextSibling ||
    top.from !== 0 ||
    top.to !== source.length ||
    !matchersNode ||
    matchersNode.name !== 'LabelMatchers' ||
    matchersNode.nextSibling
  ) {
    throw new SelectorError(
      `invalid selector "${text}": only comma separated label matchers such as namespace="spark" are allowed`,
    );
  }
  const matchers: LabelMatcher[] = [];
  for (let m = matchersNode.firstChild; m; m = m.nextSibling) {
    if (m.name !== 'UnquotedLabelMatcher') {
      throw new SelectorError(
        `invalid selector "${text}": ${describe(
          source,
          m,
        )} is not a label matcher on a plain label name`,
      );
    }
    const nameNode = m.getChild('LabelName');
    const opNode = m.getChild('MatchOp');
    const valueNode = m.getChild('StringLiteral');
    if (!nameNode || !opNode || !valueNode) {
      throw new SelectorError(
        `invalid selector "${text}": incomplete matcher ${describe(source, m)}`,
      );
    }
    const name = source.slice(nameNode.from, nameNode.to);
    const op = source.slice(opNode.from, opNode.to) as MatchOperator;
    if (!MATCH_OPS.includes(op)) {
      throw new SelectorError(
        `invalid selector "${text}": operator '${op}' is not one of ${MATCH_OPS.join(
          ' ',
        )}`,
      );
    }
    if (name.startsWith('__')) {
      throw new SelectorError(
        `invalid selector "${text}": label '${name}' is reserved`,
      );
    }
    let value: string;
    try {
      value = decodeStringLiteral(source.slice(valueNode.from, valueNode.to));
    } catch (e) {
      throw new SelectorError(
        `invalid selector "${text}": ${(e as Error).message}`,
      );
    }
    if (op === '=~' || op === '!~') {
      const problem = checkMatcherRegex(value);
      if (problem) {
        throw new SelectorError(
          `invalid selector "${text}": regex for '${name}' does not compile: ${problem}`,
        );
      }
    }
    matchers.push({ name, op, value });
  }
  return matchers;
}

/** Renders matchers back to PromQL, always double-quoted. @public */
export function formatMatchers(matchers: LabelMatcher[]): string {
  return matchers
    .map(m => `${m.name}${m.op}${encodeStringLiteral(m.value)}`)
    .join(',');
}
