import { parseDuration } from '../promql';
import { LogDoc } from './generateLogs';
import { fieldValue, parseDate, QueryError } from './queryDsl';

const CALENDAR: Record<string, number> = { minute: 60000, '1m': 60000, hour: 3600000, '1h': 3600000, day: 86400000, '1d': 86400000 };

function histogram(docs: LogDoc[], spec: any, sub: any, now: number) {
  if (spec.field !== '@timestamp') throw new QueryError('[date_histogram] is supported on [@timestamp] only');
  const text = String(spec.fixed_interval ?? spec.interval ?? spec.calendar_interval ?? '');
  const interval = CALENDAR[text] ?? parseDuration(text);
  if (!interval) throw new QueryError(`[date_histogram] unknown interval [${text}]`);
  const groups = new Map<number, LogDoc[]>();
  for (const d of docs) {
    const key = Math.floor(d.t / interval) * interval;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(d);
  }
  const keys = [...groups.keys()];
  const bounds = spec.extended_bounds;
  let min = keys.length ? Math.min(...keys) : Infinity;
  let max = keys.length ? Math.max(...keys) : -Infinity;
  if (bounds?.min !== undefined) min = Math.min(min, Math.floor(parseDate(bounds.min, now) / interval) * interval);
  if (bounds?.max !== undefined) max = Math.max(max, Math.floor(parseDate(bounds.max, now) / interval) * interval);
  const minCount = Number(spec.min_doc_count ?? 0);
  const buckets = [];
  if (Number.isFinite(min) && Number.isFinite(max) && (max - min) / interval <= 10000) {
    for (let key = min; key <= max; key += interval) {
      const inBucket = groups.get(key) ?? [];
      if (inBucket.length < minCount) continue;
      buckets.push({ key_as_string: new Date(key).toISOString(), key, doc_count: inBucket.length, ...runAggregations(inBucket, sub, now) });
    }
  }
  return { buckets };
}

function terms(docs: LogDoc[], spec: any, sub: any, now: number) {
  if (!spec.field) throw new QueryError('[terms] aggregation requires a [field]');
  const groups = new Map<string, LogDoc[]>();
  for (const d of docs) {
    const v = fieldValue(d.source, spec.field);
    if (v === undefined || v === null) continue;
    const key = String(v);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(d);
  }
  const sorted = [...groups.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  const size = Number(spec.size ?? 10);
  const kept = sorted.slice(0, size);
  return {
    doc_count_error_upper_bound: 0,
    sum_other_doc_count: sorted.slice(size).reduce((n, [, d]) => n + d.length, 0),
    buckets: kept.map(([key, inBucket]) => ({ key, doc_count: inBucket.length, ...runAggregations(inBucket, sub, now) })),
  };
}

/** `aggs`: date_histogram and terms, nested to any depth. */
export function runAggregations(docs: LogDoc[], aggs: any, now: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries<any>(aggs ?? {})) {
    const sub = spec.aggs ?? spec.aggregations;
    if (spec.date_histogram) out[name] = histogram(docs, spec.date_histogram, sub, now);
    else if (spec.terms) out[name] = terms(docs, spec.terms, sub, now);
    else if (spec.value_count || spec.cardinality) out[name] = { value: docs.length };
    else throw new QueryError(`unknown aggregation type in [${name}]`);
  }
  return out;
}
