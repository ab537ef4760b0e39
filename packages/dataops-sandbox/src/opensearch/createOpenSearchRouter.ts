import express, { Request, Response } from 'express';
import { Env, Scenario } from '../scenario';
import { runAggregations } from './aggregations';
import { LogDoc, logsBetween } from './generateLogs';
import { matchesQuery, parseDate, QueryError, timeWindow } from './queryDsl';

/** `_doc` is the stable index order (LogDoc.seq); the backend uses it as the tiebreaker after `@timestamp`. */
type SortField = '@timestamp' | '_id' | '_doc';

interface SortKey {
  field: SortField;
  desc: boolean;
}

const SORT_FIELDS: readonly string[] = ['@timestamp', '_id', '_doc'];

/** A cursor position: one value per sort key, in the types the hits' `sort` arrays carry. */
interface Position {
  t: number;
  _id: string;
  seq: number;
}

function sortValue(d: LogDoc, field: SortField): number | string {
  if (field === '@timestamp') return d.t;
  return field === '_doc' ? d.seq : d._id;
}

function compareOn(field: SortField, a: Position, b: Position): number {
  if (field === '@timestamp') return a.t - b.t;
  if (field === '_doc') return a.seq - b.seq;
  return a._id.localeCompare(b._id, 'en');
}

function parseSearchAfter(values: unknown[], sort: SortKey[] | undefined, now: number): Position {
  if (!sort || values.length !== sort.length) {
    throw new QueryError('[search_after] needs a [sort] with the same number of values');
  }
  const after: Position = { t: 0, _id: '', seq: 0 };
  sort.forEach((k, i) => {
    const v = values[i];
    if (k.field === '@timestamp') {
      after.t = parseDate(v, now);
    } else if (k.field === '_doc') {
      const seq = Number(v);
      if (!Number.isSafeInteger(seq)) {
        throw new QueryError(`[search_after] value for [_doc] must be an integer, got [${String(v)}]`);
      }
      after.seq = seq;
    } else {
      after._id = String(v);
    }
  });
  return after;
}

const MAX_RESULT_WINDOW = 10000;

function error(res: Response, status: number, type: string, reason: string) {
  res.status(status).json({ error: { root_cause: [{ type, reason }], type, reason }, status });
}

function parseSort(sort: unknown): SortKey[] | undefined {
  if (sort === undefined) return undefined;
  const items = Array.isArray(sort) ? sort : [sort];
  return items.map(item => {
    let field: string;
    let order = 'asc';
    if (typeof item === 'string') {
      [field, order = 'asc'] = item.split(':');
    } else if (item && typeof item === 'object' && Object.keys(item).length === 1) {
      const [f, spec] = Object.entries<any>(item)[0];
      field = f;
      order = typeof spec === 'string' ? spec : spec?.order ?? 'asc';
    } else {
      throw new QueryError('malformed [sort]');
    }
    if (!SORT_FIELDS.includes(field)) {
      throw new QueryError(`sorting is supported on [@timestamp], [_doc] and [_id] only, got [${field}]`);
    }
    if (order !== 'asc' && order !== 'desc') {
      throw new QueryError(`[sort] order of [${field}] must be [asc] or [desc], got [${String(order)}]`);
    }
    return { field: field as SortField, desc: order === 'desc' };
  });
}

function globToRegex(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
}

/** OpenSearch `_search` and `_cluster/health` over generated log lines of one environment. */
export function createOpenSearchRouter(scenario: Scenario, env: Env, now: () => number = Date.now) {
  const router = express.Router();
  router.use(express.json({ limit: '1mb' }));

  const indicesFor = (t: number) => {
    const names: string[] = [];
    for (let d = 0; d < 8; d++) {
      const day = new Date(t - d * 86400000).toISOString().slice(0, 10).replace(/-/g, '.');
      names.push(`logs-spark-${day}`, `logs-airflow-${day}`);
    }
    return names;
  };

  router.get('/_cluster/health', (_req, res) => {
    const indices = indicesFor(now()).length;
    res.json({
      cluster_name: `${env}-logs`,
      status: 'green',
      timed_out: false,
      number_of_nodes: 3,
      number_of_data_nodes: 3,
      active_primary_shards: indices,
      active_shards: indices * 2,
      relocating_shards: 0,
      initializing_shards: 0,
      unassigned_shards: 0,
      delayed_unassigned_shards: 0,
      number_of_pending_tasks: 0,
      number_of_in_flight_fetch: 0,
      task_max_waiting_in_queue_millis: 0,
      active_shards_percent_as_number: 100,
      discovered_master: true,
      discovered_cluster_manager: true,
    });
  });

  const search = (req: Request, res: Response) => {
    const started = Date.now();
    const t = now();
    const body = (req.body && typeof req.body === 'object' ? req.body : {}) as any;
    const target = req.params.index ?? '*';
    const patterns = target.split(',').map(p => p.trim()).filter(Boolean);
    const known = indicesFor(t);
    for (const p of patterns) {
      if (!p.includes('*') && !known.includes(p)) {
        return error(res, 404, 'index_not_found_exception', `no such index [${p}]`);
      }
    }
    const regexes = patterns.map(globToRegex);
    try {
      const size = Number(req.query.size ?? body.size ?? 10);
      const from = Number(req.query.from ?? body.from ?? 0);
      if (!Number.isInteger(size) || size < 0 || !Number.isInteger(from) || from < 0 || size + from > MAX_RESULT_WINDOW) {
        throw new QueryError(`Result window is too large or invalid, from + size must be less than or equal to: [${MAX_RESULT_WINDOW}]`);
      }
      const sort = parseSort(body.sort);
      const window = timeWindow(body.query, t);
      let docs: LogDoc[] = window.from <= window.to ? logsBetween(scenario, env, window.from, window.to) : [];
      docs = docs.filter(d => regexes.some(r => r.test(d._index)) && matchesQuery(d, body.query, t));
      const keys = sort ?? [{ field: '@timestamp', desc: true }, { field: '_id', desc: false }];
      const compare = (a: Position, b: Position) => {
        for (const k of keys) {
          const c = compareOn(k.field, a, b);
          if (c !== 0) return k.desc ? -c : c;
        }
        return 0;
      };
      docs.sort(compare);
      const total = docs.length;
      let page = docs;
      if (body.search_after !== undefined) {
        if (!Array.isArray(body.search_after)) throw new QueryError('[search_after] must be an array');
        const after = parseSearchAfter(body.search_after, sort, t);
        page = docs.filter(d => compare(d, after) > 0);
      }
      const tracked = body.track_total_hits;
      let cap = typeof tracked === 'number' ? tracked : MAX_RESULT_WINDOW;
      if (tracked === true) cap = Infinity;
      const response: Record<string, unknown> = {
        took: Date.now() - started,
        timed_out: false,
        _shards: { total: regexes.length, successful: regexes.length, skipped: 0, failed: 0 },
        hits: {
          total: total > cap ? { value: cap, relation: 'gte' } : { value: total, relation: 'eq' },
          max_score: null,
          hits: page.slice(from, from + size).map(d => ({
            _index: d._index,
            _id: d._id,
            _score: null,
            _source: d.source,
            ...(sort ? { sort: sort.map(k => sortValue(d, k.field)) } : {}),
          })),
        },
      };
      const aggs = body.aggs ?? body.aggregations;
      if (aggs) response.aggregations = runAggregations(docs, aggs, t);
      return res.json(response);
    } catch (e) {
      if (e instanceof QueryError) return error(res, 400, 'parsing_exception', e.message);
      throw e;
    }
  };

  router.get('/_search', search);
  router.post('/_search', search);
  router.get('/:index/_search', search);
  router.post('/:index/_search', search);
  router.use((req, res) => error(res, 404, 'resource_not_found_exception', `no handler for ${req.method} ${req.path}`));
  return router;
}
