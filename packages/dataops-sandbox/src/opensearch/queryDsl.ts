import { LogDoc } from './generateLogs';

/** A query the fake does not understand: answered 400 `parsing_exception`, as OpenSearch would. */
export class QueryError extends Error {}

const UNITS: Record<string, number> = { s: 1000, m: 60000, h: 3600000, d: 86400000, w: 604800000, M: 2592000000, y: 31536000000 };

/** Date values as OpenSearch accepts them on `@timestamp`: epoch millis, ISO 8601, or `now-15m` date math. */
export function parseDate(value: unknown, now: number): number {
  if (typeof value === 'number') return value;
  const text = String(value);
  const math = /^now(?:([+-])(\d+)([smhdwMy]))?(?:\/([smhdwMy]))?$/.exec(text);
  if (math) {
    let t = now;
    if (math[1]) t += (math[1] === '-' ? -1 : 1) * Number(math[2]) * UNITS[math[3]];
    if (math[4]) t = Math.floor(t / UNITS[math[4]]) * UNITS[math[4]];
    return t;
  }
  if (/^\d+$/.test(text)) return Number(text);
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new QueryError(`failed to parse date field [${text}]`);
  return ms;
}

export function fieldValue(source: Record<string, unknown>, field: string): unknown {
  const name = field.endsWith('.keyword') ? field.slice(0, -'.keyword'.length) : field;
  if (name in source) return source[name];
  let node: unknown = source;
  for (const part of name.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function docValue(doc: LogDoc, field: string): unknown {
  if (field === '_id') return doc._id;
  if (field === '_index') return doc._index;
  return fieldValue(doc.source, field);
}

function single(obj: unknown, kind: string): [string, any] {
  if (!obj || typeof obj !== 'object' || Object.keys(obj).length !== 1) {
    throw new QueryError(`[${kind}] query malformed, expected exactly one field`);
  }
  return Object.entries(obj as Record<string, any>)[0];
}

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a === b;
  return String(a) === String(b);
}

function textOf(doc: LogDoc, fields: string[] | undefined): string {
  if (fields && fields.length && !fields.includes('*')) {
    return fields.map(f => String(docValue(doc, f.replace(/\^\d+(\.\d+)?$/, '')) ?? '')).join('\n').toLowerCase();
  }
  return JSON.stringify(doc.source).toLowerCase();
}

/**
 * `simple_query_string`: terms and "phrases", `-` to exclude, `|`/`+` and default_operator. Terms match as
 * substrings (looser than OpenSearch's analysed tokens), except that when `flags` leaves out PREFIX a trailing
 * `*` is no operator: as in OpenSearch, the term then only matches a whole word.
 */
function simpleQueryString(doc: LogDoc, spec: any): boolean {
  if (typeof spec?.query !== 'string') throw new QueryError('[simple_query_string] requires a [query] string');
  const text = textOf(doc, spec.fields);
  const flags = typeof spec.flags === 'string' ? spec.flags.toUpperCase().split('|') : ['ALL'];
  const prefixAllowed = flags.includes('ALL') || flags.includes('PREFIX');
  const words = new Set(text.split(/[^a-z0-9_]+/));
  const tokens = [...spec.query.matchAll(/(-?)("([^"]*)"|[^\s"|+]+)/g)].map(m => ({
    negate: m[1] === '-',
    wholeWord: !prefixAllowed && !m[3] && m[2].endsWith('*'),
    term: (m[3] ?? m[2]).replace(/\*$/, '').toLowerCase(),
  })).filter(t => t.term);
  const found = (t: { term: string; wholeWord: boolean }) => (t.wholeWord ? words.has(t.term) : text.includes(t.term));
  const positive = tokens.filter(t => !t.negate);
  if (tokens.some(t => t.negate && found(t))) return false;
  if (positive.length === 0) return true;
  const and = String(spec.default_operator ?? 'or').toLowerCase() === 'and';
  return and ? positive.every(found) : positive.some(found);
}

/** Does one document satisfy a query clause of the Query DSL subset the backend sends? */
export function matchesQuery(doc: LogDoc, query: any, now: number): boolean {
  if (query === undefined || query === null) return true;
  const [kind, spec] = single(query, 'query');
  const list = (v: unknown): any[] => (v === undefined ? [] : ([] as unknown[]).concat(v));
  switch (kind) {
    case 'match_all':
      return true;
    case 'match_none':
      return false;
    case 'bool': {
      const must = [...list(spec.must), ...list(spec.filter)];
      if (!must.every(q => matchesQuery(doc, q, now))) return false;
      if (list(spec.must_not).some(q => matchesQuery(doc, q, now))) return false;
      const should = list(spec.should);
      if (should.length === 0) return true;
      const min = Number(spec.minimum_should_match ?? (must.length ? 0 : 1));
      return should.filter(q => matchesQuery(doc, q, now)).length >= min;
    }
    case 'term': {
      const [field, v] = single(spec, 'term');
      const value = v && typeof v === 'object' ? v.value : v;
      return sameValue(docValue(doc, field), value);
    }
    case 'terms': {
      const entries = Object.entries(spec).filter(([k]) => k !== 'boost');
      if (entries.length !== 1 || !Array.isArray(entries[0][1])) throw new QueryError('[terms] query requires one field with an array of values');
      const [field, values] = entries[0] as [string, unknown[]];
      return values.some(v => sameValue(docValue(doc, field), v));
    }
    case 'range': {
      const [field, r] = single(spec, 'range');
      const raw = docValue(doc, field);
      if (raw === undefined) return false;
      const isDate = field === '@timestamp';
      const v = isDate ? doc.t : Number(raw);
      const conv = (x: unknown) => (isDate ? parseDate(x, now) : Number(x));
      if (r.gte !== undefined && !(v >= conv(r.gte))) return false;
      if (r.gt !== undefined && !(v > conv(r.gt))) return false;
      if (r.lte !== undefined && !(v <= conv(r.lte))) return false;
      if (r.lt !== undefined && !(v < conv(r.lt))) return false;
      return true;
    }
    case 'match_phrase':
    case 'match': {
      const [field, v] = single(spec, kind);
      const text = String(v && typeof v === 'object' ? v.query : v).toLowerCase();
      const value = String(docValue(doc, field) ?? '').toLowerCase();
      return kind === 'match_phrase' ? value.includes(text) : text.split(/\s+/).some(w => value.includes(w));
    }
    case 'simple_query_string':
    case 'query_string':
      return simpleQueryString(doc, spec);
    case 'exists':
      return docValue(doc, String(spec?.field)) !== undefined;
    case 'prefix': {
      const [field, v] = single(spec, 'prefix');
      return String(docValue(doc, field) ?? '').startsWith(String(v && typeof v === 'object' ? v.value : v));
    }
    default:
      throw new QueryError(`unknown query [${kind}]`);
  }
}

/**
 * The @timestamp window a query can match, read from its required range clauses, so only those minutes
 * are generated. Without one the window is the last 24 hours.
 */
export function timeWindow(query: any, now: number): { from: number; to: number } {
  let from: number | undefined;
  let to = now;
  const visit = (q: any) => {
    if (!q || typeof q !== 'object') return;
    if (q.range?.['@timestamp']) {
      const r = q.range['@timestamp'];
      if (r.gte !== undefined || r.gt !== undefined) from = Math.max(from ?? -Infinity, parseDate(r.gte ?? r.gt, now));
      if (r.lte !== undefined || r.lt !== undefined) to = Math.min(to, parseDate(r.lte ?? r.lt, now));
    }
    if (q.bool) {
      for (const key of ['must', 'filter']) {
        const clauses = q.bool[key];
        (clauses === undefined ? [] : ([] as unknown[]).concat(clauses)).forEach(visit);
      }
    }
  };
  visit(query);
  return { from: Math.max(from ?? now - 86400000, now - 8 * 86400000), to: Math.min(to, now) };
}
