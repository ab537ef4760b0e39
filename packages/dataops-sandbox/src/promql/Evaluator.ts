import { compileLabelRegex } from '@dataops-observability/plugin-dataops-common';
import { BinaryOp, Expr, VectorMatching } from './ast';
import { bucketQuantile, extrapolatedRate, instantRate, OVER_TIME, SIMPLE_FUNCTIONS } from './functions';
import { labelsKey } from './matchers';
import { parsePromQL } from './parse';
import {
  InstantSeries,
  InstantValue,
  Labels,
  PromQLError,
  RangeSeries,
  Sample,
  SeriesSource,
} from './types';

/** Internal vector element; `t` is set only where a selector read the sample (for `timestamp()`). */
interface Element {
  labels: Labels;
  v: number;
  t?: number;
}

type Value =
  | { type: 'vector'; series: Element[] }
  | { type: 'matrix'; series: RangeSeries[]; rangeStartMs: number; rangeEndMs: number }
  | { type: 'scalar'; v: number }
  | { type: 'string'; s: string };

const COMPARISONS = new Set<BinaryOp>(['==', '!=', '>', '<', '>=', '<=']);
const ARITHMETIC = new Set<BinaryOp>(['+', '-', '*', '/', '%', '^']);

function dropName(labels: Labels): Labels {
  const { __name__: _ignored, ...rest } = labels;
  return rest;
}

function arithmetic(op: BinaryOp, a: number, b: number): number {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return a / b;
    case '%': return a % b;
    case '^': return Math.pow(a, b);
    default: throw new PromQLError(`operator ${op} is not arithmetic`);
  }
}

function compare(op: BinaryOp, a: number, b: number): boolean {
  switch (op) {
    case '==': return a === b;
    case '!=': return a !== b;
    case '>': return a > b;
    case '<': return a < b;
    case '>=': return a >= b;
    case '<=': return a <= b;
    default: throw new PromQLError(`operator ${op} is not a comparison`);
  }
}

function signature(labels: Labels, on: boolean, names: string[]): string {
  const picked: Labels = {};
  for (const [k, v] of Object.entries(labels)) {
    if (on ? names.includes(k) : k !== '__name__' && !names.includes(k)) {
      picked[k] = v;
    }
  }
  return labelsKey(picked);
}

function describe(t: Value['type']): string {
  const names: Record<string, string> = { vector: 'instant vector', matrix: 'range vector' };
  return names[t] ?? t;
}

/** Limits that keep one query from exhausting the sandbox, like a real server's query limits. */
const MAX_POINTS_PER_SERIES = 11000;

/**
 * Evaluates the PromQL subset the panels use over a {@link SeriesSource}, following the reference engine's
 * semantics (lookback, extrapolation, vector matching, metric-name dropping) so that answers agree with a
 * real Prometheus over the same samples.
 */
export class Evaluator {
  constructor(
    private readonly source: SeriesSource,
    private readonly lookbackMs: number = 5 * 60 * 1000,
  ) {}

  instant(query: string, timeMs: number): InstantValue {
    const value = this.eval(parsePromQL(query), timeMs);
    if (value.type === 'matrix') {
      throw new PromQLError('range vectors are not supported as the result of an instant query in the sandbox');
    }
    if (value.type === 'vector') {
      return { type: 'vector', series: value.series.map(e => ({ labels: e.labels, v: e.v })) };
    }
    return value;
  }

  range(query: string, startMs: number, endMs: number, stepMs: number): RangeSeries[] {
    if (stepMs <= 0) throw new PromQLError('zero or negative query resolution step widths are not accepted');
    if (endMs < startMs) throw new PromQLError('end timestamp must not be before start time');
    if ((endMs - startMs) / stepMs > MAX_POINTS_PER_SERIES) {
      throw new PromQLError('exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)');
    }
    const expr = parsePromQL(query);
    const out = new Map<string, RangeSeries>();
    for (let t = startMs; t <= endMs; t += stepMs) {
      const value = this.eval(expr, t);
      let elements: InstantSeries[];
      if (value.type === 'scalar') {
        elements = [{ labels: {}, v: value.v }];
      } else if (value.type === 'vector') {
        elements = value.series;
      } else {
        throw new PromQLError(`invalid expression type "${describe(value.type)}" for range query, must be Scalar or instant Vector`);
      }
      for (const e of elements) {
        const key = labelsKey(e.labels);
        let series = out.get(key);
        if (!series) {
          series = { labels: e.labels, samples: [] };
          out.set(key, series);
        }
        series.samples.push({ t, v: e.v });
      }
    }
    return [...out.values()];
  }

  private eval(expr: Expr, t: number): Value {
    switch (expr.kind) {
      case 'number':
        return { type: 'scalar', v: expr.v };
      case 'string':
        return { type: 'string', s: expr.s };
      case 'paren':
        return this.eval(expr.expr, t);
      case 'selector':
        return this.select(expr, t);
      case 'unary': {
        const v = this.eval(expr.expr, t);
        if (expr.op === '+') return v;
        if (v.type === 'scalar') return { type: 'scalar', v: -v.v };
        if (v.type === 'vector') {
          return { type: 'vector', series: v.series.map(e => ({ labels: dropName(e.labels), v: -e.v })) };
        }
        throw new PromQLError(`unary expression only allowed on expressions of type scalar or instant vector, got "${describe(v.type)}"`);
      }
      case 'call':
        return this.call(expr.fn, expr.args, t);
      case 'aggregate':
        return this.aggregate(expr, t);
      case 'binary':
        return this.binary(expr, t);
      default:
        throw new PromQLError('unsupported expression');
    }
  }

  private select(expr: Extract<Expr, { kind: 'selector' }>, t: number): Value {
    const end = t - expr.offsetMs;
    const series = this.source.select(expr.matchers);
    if (expr.rangeMs !== undefined) {
      const start = end - expr.rangeMs;
      return {
        type: 'matrix',
        rangeStartMs: start,
        rangeEndMs: end,
        series: series
          .map(s => ({ labels: s.labels, samples: s.samples(start, end) }))
          .filter(s => s.samples.length > 0),
      };
    }
    const elements: Element[] = [];
    for (const s of series) {
      const samples = s.samples(end - this.lookbackMs, end);
      const last = samples[samples.length - 1];
      if (last) {
        elements.push({ labels: s.labels, v: last.v, t: last.t });
      }
    }
    return { type: 'vector', series: elements };
  }

  private vectorArg(args: Expr[], i: number, fn: string, t: number): Element[] {
    const v = args[i] ? this.eval(args[i], t) : undefined;
    if (v?.type !== 'vector') {
      throw new PromQLError(`expected type instant vector in call to function "${fn}", got ${v ? describe(v.type) : 'nothing'}`);
    }
    return v.series;
  }

  private scalarArg(args: Expr[], i: number, fn: string, t: number): number {
    const v = args[i] ? this.eval(args[i], t) : undefined;
    if (v?.type !== 'scalar') {
      throw new PromQLError(`expected type scalar in call to function "${fn}", got ${v ? describe(v.type) : 'nothing'}`);
    }
    return v.v;
  }

  private stringArg(args: Expr[], i: number, fn: string, t: number): string {
    const v = args[i] ? this.eval(args[i], t) : undefined;
    if (v?.type !== 'string') {
      throw new PromQLError(`expected type string in call to function "${fn}", got ${v ? describe(v.type) : 'nothing'}`);
    }
    return v.s;
  }

  private call(fn: string, args: Expr[], t: number): Value {
    const perMatrix = (compute: (samples: Sample[], start: number, end: number) => number | undefined, keepName = false): Value => {
      const m = args[0] ? this.eval(args[0], t) : undefined;
      if (m?.type !== 'matrix' || args.length !== 1) {
        throw new PromQLError(`expected type range vector in call to function "${fn}"`);
      }
      const series: Element[] = [];
      for (const s of m.series) {
        const v = compute(s.samples, m.rangeStartMs, m.rangeEndMs);
        if (v !== undefined) {
          series.push({ labels: keepName ? s.labels : dropName(s.labels), v });
        }
      }
      return { type: 'vector', series };
    };
    switch (fn) {
      case 'rate':
        return perMatrix((s, a, b) => extrapolatedRate(s, a, b, true, true));
      case 'increase':
        return perMatrix((s, a, b) => extrapolatedRate(s, a, b, true, false));
      case 'delta':
        return perMatrix((s, a, b) => extrapolatedRate(s, a, b, false, false));
      case 'irate':
        return perMatrix(s => instantRate(s));
      case 'time':
        return { type: 'scalar', v: t / 1000 };
      case 'vector':
        return { type: 'vector', series: [{ labels: {}, v: this.scalarArg(args, 0, fn, t) }] };
      case 'scalar': {
        const v = this.vectorArg(args, 0, fn, t);
        return { type: 'scalar', v: v.length === 1 ? v[0].v : NaN };
      }
      case 'timestamp': {
        const v = this.vectorArg(args, 0, fn, t);
        const direct = args[0].kind === 'selector' || (args[0].kind === 'paren' && args[0].expr.kind === 'selector');
        return { type: 'vector', series: v.map(e => ({ labels: dropName(e.labels), v: (direct && e.t !== undefined ? e.t : t) / 1000 })) };
      }
      case 'clamp_min':
      case 'clamp_max':
      case 'clamp': {
        const v = this.vectorArg(args, 0, fn, t);
        const lo = fn === 'clamp_max' ? -Infinity : this.scalarArg(args, 1, fn, t);
        const hi = fn === 'clamp_min' ? Infinity : this.scalarArg(args, fn === 'clamp' ? 2 : 1, fn, t);
        if (fn === 'clamp' && hi < lo) return { type: 'vector', series: [] };
        return { type: 'vector', series: v.map(e => ({ labels: dropName(e.labels), v: Math.max(lo, Math.min(hi, e.v)) })) };
      }
      case 'round': {
        const v = this.vectorArg(args, 0, fn, t);
        const to = args.length > 1 ? this.scalarArg(args, 1, fn, t) : 1;
        const inverse = 1 / to;
        return { type: 'vector', series: v.map(e => ({ labels: dropName(e.labels), v: Math.floor(e.v * inverse + 0.5) / inverse })) };
      }
      case 'absent': {
        const v = this.vectorArg(args, 0, fn, t);
        if (v.length > 0) return { type: 'vector', series: [] };
        const labels: Labels = {};
        const arg = args[0];
        if (arg.kind === 'selector') {
          for (const m of arg.matchers) {
            if (m.type === '=' && m.name !== '__name__') labels[m.name] = m.value;
          }
        }
        return { type: 'vector', series: [{ labels, v: 1 }] };
      }
      case 'histogram_quantile': {
        const q = this.scalarArg(args, 0, fn, t);
        const v = this.vectorArg(args, 1, fn, t);
        const groups = new Map<string, { labels: Labels; buckets: Array<{ upperBound: number; count: number }> }>();
        for (const e of v) {
          const le = e.labels.le;
          const upperBound = le === '+Inf' ? Infinity : Number(le ?? NaN);
          if (Number.isNaN(upperBound)) continue;
          const { le: _le, ...rest } = dropName(e.labels);
          const key = labelsKey(rest);
          if (!groups.has(key)) groups.set(key, { labels: rest, buckets: [] });
          groups.get(key)!.buckets.push({ upperBound, count: e.v });
        }
        return { type: 'vector', series: [...groups.values()].map(g => ({ labels: g.labels, v: bucketQuantile(q, g.buckets) })) };
      }
      case 'label_replace': {
        // The backend's freshness probe tells its inputs apart with it; RE2 anchors the whole value.
        const v = this.vectorArg(args, 0, fn, t);
        const [dst, replacement, src, regex] = [1, 2, 3, 4].map(i => this.stringArg(args, i, fn, t));
        const pattern = compileLabelRegex(regex);
        return {
          type: 'vector',
          series: v.map(e => {
            const match = pattern.matcher(e.labels[src] ?? '');
            if (!match.matches()) return e;
            const value = replacement.replace(/\$(\d+)/g, (_, n) => (Number(n) <= match.groupCount() ? match.group(Number(n)) ?? '' : ''));
            const labels = { ...e.labels };
            if (value) labels[dst] = value;
            else delete labels[dst];
            return { ...e, labels };
          }),
        };
      }
      case 'sort':
      case 'sort_desc': {
        const v = [...this.vectorArg(args, 0, fn, t)];
        v.sort((a, b) => (fn === 'sort' ? a.v - b.v : b.v - a.v));
        return { type: 'vector', series: v };
      }
      default:
        break;
    }
    if (OVER_TIME[fn]) {
      const reduce = OVER_TIME[fn];
      return perMatrix(s => (s.length ? reduce(s.map(x => x.v)) : undefined), fn === 'last_over_time');
    }
    if (SIMPLE_FUNCTIONS[fn]) {
      const f = SIMPLE_FUNCTIONS[fn];
      return { type: 'vector', series: this.vectorArg(args, 0, fn, t).map(e => ({ labels: dropName(e.labels), v: f(e.v) })) };
    }
    throw new PromQLError(`function "${fn}" is not supported by the sandbox evaluator`);
  }

  private aggregate(expr: Extract<Expr, { kind: 'aggregate' }>, t: number): Value {
    const input = this.eval(expr.expr, t);
    if (input.type !== 'vector') {
      throw new PromQLError(`expected type instant vector in aggregation expression, got ${describe(input.type)}`);
    }
    const groupLabels = (labels: Labels): Labels => {
      const out: Labels = {};
      for (const [k, v] of Object.entries(labels)) {
        const listed = (expr.grouping ?? []).includes(k);
        if (expr.without ? !listed && k !== '__name__' : listed) out[k] = v;
      }
      return out;
    };
    const groups = new Map<string, { labels: Labels; items: Element[] }>();
    for (const e of input.series) {
      const labels = groupLabels(e.labels);
      const key = labelsKey(labels);
      if (!groups.has(key)) groups.set(key, { labels, items: [] });
      groups.get(key)!.items.push(e);
    }
    const result: Element[] = [];
    if (expr.op === 'topk' || expr.op === 'bottomk') {
      const k = expr.param ? this.eval(expr.param, t) : undefined;
      if (k?.type !== 'scalar') throw new PromQLError(`${expr.op} needs a scalar parameter`);
      for (const g of groups.values()) {
        const sorted = [...g.items].sort((a, b) => (expr.op === 'topk' ? b.v - a.v : a.v - b.v));
        result.push(...sorted.slice(0, Math.max(0, Math.floor(k.v))));
      }
      return { type: 'vector', series: result };
    }
    for (const g of groups.values()) {
      const values = g.items.map(e => e.v);
      let v: number;
      switch (expr.op) {
        case 'sum':
          v = values.reduce((a, b) => a + b, 0);
          break;
        case 'avg': {
          let mean = 0;
          values.forEach((x, i) => {
            mean += x / (i + 1) - mean / (i + 1);
          });
          v = mean;
          break;
        }
        case 'max':
          v = values.reduce((a, b) => (b > a || Number.isNaN(a) ? b : a));
          break;
        case 'min':
          v = values.reduce((a, b) => (b < a || Number.isNaN(a) ? b : a));
          break;
        case 'count':
          v = values.length;
          break;
        case 'group':
          v = 1;
          break;
        default:
          throw new PromQLError(`aggregation "${expr.op}" is not supported by the sandbox evaluator`);
      }
      result.push({ labels: g.labels, v });
    }
    return { type: 'vector', series: result };
  }

  private binary(expr: Extract<Expr, { kind: 'binary' }>, t: number): Value {
    const lhs = this.eval(expr.lhs, t);
    const rhs = this.eval(expr.rhs, t);
    const { op } = expr;
    const isComparison = COMPARISONS.has(op);
    if (expr.bool && !isComparison) {
      throw new PromQLError('bool modifier can only be used on comparison operators');
    }
    if (lhs.type === 'scalar' && rhs.type === 'scalar') {
      if (isComparison) {
        if (!expr.bool) throw new PromQLError('comparisons between scalars must use BOOL modifier');
        return { type: 'scalar', v: compare(op, lhs.v, rhs.v) ? 1 : 0 };
      }
      if (!ARITHMETIC.has(op)) throw new PromQLError(`set operator "${op}" not allowed in binary scalar expression`);
      return { type: 'scalar', v: arithmetic(op, lhs.v, rhs.v) };
    }
    if (lhs.type === 'vector' && rhs.type === 'scalar') {
      return { type: 'vector', series: this.vectorScalar(op, expr.bool, lhs.series, rhs.v, false) };
    }
    if (lhs.type === 'scalar' && rhs.type === 'vector') {
      return { type: 'vector', series: this.vectorScalar(op, expr.bool, rhs.series, lhs.v, true) };
    }
    if (lhs.type === 'vector' && rhs.type === 'vector') {
      const matching: VectorMatching = expr.matching ?? {
        on: false,
        labels: [],
        card: op === 'and' || op === 'or' || op === 'unless' ? 'many-to-many' : 'one-to-one',
        include: [],
      };
      return { type: 'vector', series: this.vectorVector(op, expr.bool, matching, lhs.series, rhs.series) };
    }
    throw new PromQLError(`binary expression must contain only scalar and instant vector types`);
  }

  private vectorScalar(op: BinaryOp, bool: boolean, vector: Element[], scalar: number, swap: boolean): Element[] {
    if (!ARITHMETIC.has(op) && !COMPARISONS.has(op)) {
      throw new PromQLError(`set operator "${op}" not allowed in binary scalar expression`);
    }
    const out: Element[] = [];
    for (const e of vector) {
      const [a, b] = swap ? [scalar, e.v] : [e.v, scalar];
      if (ARITHMETIC.has(op)) {
        out.push({ labels: dropName(e.labels), v: arithmetic(op, a, b) });
      } else if (bool) {
        out.push({ labels: dropName(e.labels), v: compare(op, a, b) ? 1 : 0 });
      } else if (compare(op, a, b)) {
        out.push({ labels: e.labels, v: e.v });
      }
    }
    return out;
  }

  private vectorVector(op: BinaryOp, bool: boolean, matching: VectorMatching, lhs: Element[], rhs: Element[]): Element[] {
    const sig = (labels: Labels) => signature(labels, matching.on, matching.labels);
    if (op === 'and' || op === 'or' || op === 'unless') {
      const rightSigs = new Set(rhs.map(e => sig(e.labels)));
      if (op === 'and') return lhs.filter(e => rightSigs.has(sig(e.labels)));
      if (op === 'unless') return lhs.filter(e => !rightSigs.has(sig(e.labels)));
      const leftSigs = new Set(lhs.map(e => sig(e.labels)));
      return [...lhs, ...rhs.filter(e => !leftSigs.has(sig(e.labels)))];
    }
    const oneToMany = matching.card === 'one-to-many';
    const many = oneToMany ? rhs : lhs;
    const one = oneToMany ? lhs : rhs;
    const oneBySig = new Map<string, Element>();
    for (const e of one) {
      const s = sig(e.labels);
      if (oneBySig.has(s)) {
        throw new PromQLError(`found duplicate series for the match group ${s} on the ${oneToMany ? 'left' : 'right'} hand-side of the operation; many-to-many matching not allowed: matching labels must be unique on one side`);
      }
      oneBySig.set(s, e);
    }
    const seen = new Set<string>();
    const out: Element[] = [];
    for (const m of many) {
      const o = oneBySig.get(sig(m.labels));
      if (!o) continue;
      const [a, b] = oneToMany ? [o.v, m.v] : [m.v, o.v];
      let value: number;
      if (ARITHMETIC.has(op)) {
        value = arithmetic(op, a, b);
      } else {
        const keep = compare(op, a, b);
        if (!bool && !keep) continue;
        value = bool ? Number(keep) : a;
      }
      let labels: Labels = { ...m.labels };
      if (ARITHMETIC.has(op) || bool) labels = dropName(labels);
      if (matching.card === 'one-to-one') {
        labels = Object.fromEntries(
          Object.entries(labels).filter(([k]) => (matching.on ? matching.labels.includes(k) : !matching.labels.includes(k))),
        );
      }
      for (const name of matching.include) {
        if (o.labels[name] !== undefined && o.labels[name] !== '') labels[name] = o.labels[name];
        else delete labels[name];
      }
      const key = labelsKey(labels);
      if (seen.has(key)) {
        throw new PromQLError(
          matching.card === 'one-to-one'
            ? 'multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)'
            : 'multiple matches for labels: grouping labels must ensure unique matches',
        );
      }
      seen.add(key);
      out.push({ labels, v: value });
    }
    return out;
  }
}

