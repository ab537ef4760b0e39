import { parser } from '@prometheus-io/lezer-promql';
import type { SyntaxNode } from '@lezer/common';
import { BinaryOp, Expr, VectorMatching } from './ast';
import { matches } from './matchers';
import { LabelMatcher, MatchType, PromQLError } from './types';

const EXPR_NODES = new Set([
  'NumberDurationLiteral',
  'StringLiteral',
  'VectorSelector',
  'MatrixSelector',
  'OffsetExpr',
  'FunctionCall',
  'AggregateExpr',
  'BinaryExpr',
  'UnaryExpr',
  'ParenExpr',
  'SubqueryExpr',
  'StepInvariantExpr',
]);

const BINARY_OPS: Record<string, BinaryOp> = {
  Add: '+', Sub: '-', Mul: '*', Div: '/', Mod: '%', Pow: '^',
  Eql: '==', Neq: '!=', Gtr: '>', Lss: '<', Gte: '>=', Lte: '<=',
  And: 'and', Or: 'or', Unless: 'unless',
};

const DURATION_UNITS: Record<string, number> = {
  ms: 1, s: 1000, m: 60000, h: 3600000, d: 86400000, w: 604800000, y: 31536000000,
};

/** Duration text (`1h30m`) in milliseconds, or undefined when the text is not a duration. */
export function parseDuration(text: string): number | undefined {
  if (!/^(\d+(ms|s|m|h|d|w|y))+$/.test(text)) {
    return undefined;
  }
  let total = 0;
  for (const m of text.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)) {
    total += Number(m[1]) * DURATION_UNITS[m[2]];
  }
  return total;
}

function parseNumber(text: string): number {
  const duration = parseDuration(text);
  if (duration !== undefined) {
    return duration / 1000;
  }
  const lower = text.toLowerCase();
  if (lower === 'inf' || lower === '+inf') return Infinity;
  if (lower === '-inf') return -Infinity;
  if (lower === 'nan') return NaN;
  const v = /^0x[0-9a-f]+$/.test(lower) ? parseInt(lower, 16) : Number(text);
  if (Number.isNaN(v)) {
    throw new PromQLError(`bad number or duration syntax: "${text}"`);
  }
  return v;
}

function parseString(text: string): string {
  const quote = text[0];
  const body = text.slice(1, -1);
  if (quote === '`') {
    return body;
  }
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/gs, (_, esc: string) => {
    switch (esc[0]) {
      case 'n': return '\n';
      case 't': return '\t';
      case 'r': return '\r';
      case 'a': return '\x07';
      case 'b': return '\b';
      case 'f': return '\f';
      case 'v': return '\v';
      case 'x': case 'u': case 'U': return String.fromCodePoint(parseInt(esc.slice(1), 16));
      default:
        return /^[0-7]{3}$/.test(esc) ? String.fromCharCode(parseInt(esc, 8)) : esc;
    }
  });
}

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) {
    out.push(c);
  }
  return out;
}

function cardinality(setOp: boolean, left: boolean, right: boolean): VectorMatching['card'] {
  if (setOp) return 'many-to-many';
  if (left) return 'many-to-one';
  return right ? 'one-to-many' : 'one-to-one';
}

/** Parses PromQL with the official grammar and converts the tree into the evaluator's AST. */
export function parsePromQL(query: string): Expr {
  if (!query.trim()) {
    throw new PromQLError('empty query');
  }
  const tree = parser.parse(query);
  tree.iterate({
    enter(n) {
      if (n.type.isError) {
        throw new PromQLError(`parse error at char ${n.from + 1}: unexpected input in "${query}"`);
      }
    },
  });
  const text = (n: SyntaxNode) => query.slice(n.from, n.to);
  const exprs = (n: SyntaxNode) => children(n).filter(c => EXPR_NODES.has(c.name));
  const child = (n: SyntaxNode, name: string) => children(n).find(c => c.name === name);

  const grouping = (n: SyntaxNode | undefined) =>
    n ? children(n).filter(c => c.name === 'LabelName').map(text) : [];

  const matcher = (n: SyntaxNode): LabelMatcher => {
    const name = child(n, 'LabelName') ?? child(n, 'QuotedLabelName');
    const op = child(n, 'MatchOp');
    const value = child(n, 'StringLiteral');
    if (!name || !op || !value) {
      throw new PromQLError(`unsupported label matcher "${text(n)}"`);
    }
    const labelName = name.name === 'QuotedLabelName' ? parseString(text(name)) : text(name);
    return { name: labelName, type: text(op) as MatchType, value: parseString(text(value)) };
  };

  const convert = (n: SyntaxNode): Expr => {
    switch (n.name) {
      case 'PromQL': {
        const [e] = exprs(n);
        if (!e) throw new PromQLError('no expression found');
        return convert(e);
      }
      case 'NumberDurationLiteral':
        return { kind: 'number', v: parseNumber(text(n)) };
      case 'StringLiteral':
        return { kind: 'string', s: parseString(text(n)) };
      case 'ParenExpr':
        return { kind: 'paren', expr: convert(exprs(n)[0]) };
      case 'VectorSelector': {
        const id = child(n, 'Identifier');
        const matchers: LabelMatcher[] = [];
        const list = child(n, 'LabelMatchers');
        for (const m of list ? children(list) : []) {
          if (m.name === 'UnquotedLabelMatcher' || m.name === 'QuotedLabelMatcher') {
            matchers.push(matcher(m));
          } else if (m.name === 'StringLiteral') {
            matchers.push({ name: '__name__', type: '=', value: parseString(text(m)) });
          }
        }
        if (id) {
          matchers.unshift({ name: '__name__', type: '=', value: text(id) });
        }
        if (matchers.every(m => matches({}, m))) {
          throw new PromQLError('vector selector must contain at least one non-empty matcher');
        }
        const name = matchers.find(m => m.name === '__name__' && m.type === '=')?.value;
        return { kind: 'selector', name, matchers, offsetMs: 0 };
      }
      case 'MatrixSelector': {
        const sel = convert(child(n, 'VectorSelector')!);
        const dur = child(n, 'NumberDurationLiteralInDurationContext');
        const rangeMs = dur ? parseDuration(text(dur)) : undefined;
        if (sel.kind !== 'selector' || !rangeMs) {
          throw new PromQLError(`bad range selector "${text(n)}"`);
        }
        return { ...sel, rangeMs };
      }
      case 'OffsetExpr': {
        const inner = convert(exprs(n)[0]);
        const dur = child(n, 'NumberDurationLiteralInDurationContext');
        const ms = dur ? parseDuration(text(dur)) : undefined;
        if (inner.kind !== 'selector' || ms === undefined) {
          throw new PromQLError(`offset is supported on selectors only: "${text(n)}"`);
        }
        const negative = children(n).some(c => c.name === 'Sub');
        return { ...inner, offsetMs: inner.offsetMs + (negative ? -ms : ms) };
      }
      case 'FunctionCall': {
        const fn = text(child(n, 'FunctionIdentifier')!);
        const body = child(n, 'FunctionCallBody');
        return { kind: 'call', fn, args: body ? exprs(body).map(convert) : [] };
      }
      case 'AggregateExpr': {
        const op = text(child(n, 'AggregateOp')!);
        const modifier = child(n, 'AggregateModifier');
        const args = exprs(child(n, 'FunctionCallBody')!).map(convert);
        const expr = args[args.length - 1];
        if (!expr) throw new PromQLError(`${op} needs an expression`);
        return {
          kind: 'aggregate',
          op,
          without: !!modifier && !!child(modifier, 'Without'),
          grouping: modifier ? grouping(child(modifier, 'GroupingLabels')) : undefined,
          param: args.length > 1 ? args[0] : undefined,
          expr,
        };
      }
      case 'BinaryExpr': {
        const [lhs, rhs] = exprs(n);
        const opNode = children(n).find(c => BINARY_OPS[c.name]);
        if (!lhs || !rhs || !opNode) throw new PromQLError(`bad binary expression "${text(n)}"`);
        const op = BINARY_OPS[opNode.name];
        const clause = child(n, 'MatchingModifierClause');
        let matching: VectorMatching | undefined;
        const setOp = op === 'and' || op === 'or' || op === 'unless';
        if (clause) {
          const groups = children(clause).filter(c => c.name === 'GroupingLabels');
          const left = !!child(clause, 'GroupLeft');
          const right = !!child(clause, 'GroupRight');
          matching = {
            on: !!child(clause, 'On'),
            labels: grouping(groups[0]),
            card: cardinality(setOp, left, right),
            include: grouping(groups[1]),
          };
        }
        return { kind: 'binary', op, bool: !!child(n, 'BoolModifier'), matching, lhs: convert(lhs), rhs: convert(rhs) };
      }
      case 'UnaryExpr':
        return { kind: 'unary', op: text(child(n, 'UnaryOp')!) as '-' | '+', expr: convert(exprs(n)[0]) };
      case 'StepInvariantExpr':
      case 'SubqueryExpr':
      default:
        throw new PromQLError(`unsupported PromQL construct "${text(n)}" (${n.name})`);
    }
  };
  return convert(tree.topNode);
}
