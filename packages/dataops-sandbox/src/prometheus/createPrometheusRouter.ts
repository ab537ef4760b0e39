import express, { Request, Response } from 'express';
import { Evaluator, LabelMatcher, Labels, parseDuration, parsePromQL, PromQLError, SeriesSource, StoredSeries } from '../promql';
import { formatValue, parseTime } from './formatValue';

const MAX_SERIES_ANSWER = 10000;

function params(req: Request): Record<string, unknown> {
  return { ...(req.query as Record<string, unknown>), ...(typeof req.body === 'object' ? req.body : {}) };
}

/** `match[]` arrives as `match` when the query-string parser expands brackets, and as-is from forms. */
function selectorsOf(p: Record<string, unknown>): string[] {
  const value = p['match[]'] ?? p.match;
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

function bad(res: Response, message: string, status = 400) {
  res.status(status).json({ status: 'error', errorType: status === 422 ? 'execution' : 'bad_data', error: message });
}

/** Go's string order (byte-wise), which the Prometheus API uses for label names and series. */
function byCodeUnits(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function sortLabels(labels: Labels): Labels {
  return Object.fromEntries(Object.entries(labels).sort(([a], [b]) => byCodeUnits(a, b)));
}

function compareLabels(a: Labels, b: Labels): number {
  const ka = JSON.stringify(sortLabels(a));
  const kb = JSON.stringify(sortLabels(b));
  return byCodeUnits(ka, kb);
}

/** Series selected by `match[]` selectors (each must be a plain vector selector). */
function selectSeries(source: SeriesSource, selectors: string[]): StoredSeries[] {
  const found = new Map<StoredSeries, true>();
  for (const text of selectors) {
    const expr = parsePromQL(text);
    if (expr.kind !== 'selector' || expr.rangeMs !== undefined) {
      throw new PromQLError(`match[] must be a series selector, got "${text}"`);
    }
    const matchers: LabelMatcher[] = expr.matchers;
    for (const s of source.select(matchers)) found.set(s, true);
  }
  return [...found.keys()];
}

/** The Prometheus HTTP API subset the backend and Grafana-style clients use, over one environment's series. */
export function createPrometheusRouter(source: SeriesSource & { all: StoredSeries[] }, now: () => number = Date.now) {
  const router = express.Router();
  const evaluator = new Evaluator(source);
  router.use(express.urlencoded({ extended: false, limit: '1mb' }));

  const guard = (handler: (req: Request, res: Response) => void) => (req: Request, res: Response) => {
    try {
      handler(req, res);
    } catch (e) {
      bad(res, (e as Error).message);
    }
  };

  router.all('/api/v1/query', guard((req, res) => {
    const p = params(req);
    if (!p.query) return bad(res, 'missing parameter "query"');
    const t = parseTime(p.time, 'time', now());
    const value = evaluator.instant(String(p.query), t);
    const ts = t / 1000;
    if (value.type === 'vector') {
      const result = value.series.map(s => ({ metric: sortLabels(s.labels), value: [ts, formatValue(s.v)] }));
      return res.json({ status: 'success', data: { resultType: 'vector', result } });
    }
    if (value.type === 'scalar') {
      return res.json({ status: 'success', data: { resultType: 'scalar', result: [ts, formatValue(value.v)] } });
    }
    return res.json({ status: 'success', data: { resultType: 'string', result: [ts, value.s] } });
  }));

  router.all('/api/v1/query_range', guard((req, res) => {
    const p = params(req);
    if (!p.query) return bad(res, 'missing parameter "query"');
    const start = parseTime(p.start, 'start');
    const end = parseTime(p.end, 'end');
    const stepText = String(p.step ?? '');
    const stepMs = parseDuration(stepText) ?? Number(stepText) * 1000;
    if (!Number.isFinite(stepMs) || stepMs <= 0) {
      return bad(res, `invalid parameter "step": cannot parse "${stepText}" to a valid duration`);
    }
    const series = evaluator.range(String(p.query), start, end, stepMs);
    const result = series
      .sort((a, b) => compareLabels(a.labels, b.labels))
      .map(s => ({ metric: sortLabels(s.labels), values: s.samples.map(x => [x.t / 1000, formatValue(x.v)]) }));
    return res.json({ status: 'success', data: { resultType: 'matrix', result } });
  }));

  router.all('/api/v1/series', guard((req, res) => {
    const selectors = selectorsOf(params(req));
    if (selectors.length === 0) return bad(res, 'no match[] parameter provided');
    const data = selectSeries(source, selectors).slice(0, MAX_SERIES_ANSWER).map(s => sortLabels(s.labels));
    return res.json({ status: 'success', data: data.sort(compareLabels) });
  }));

  router.all('/api/v1/labels', guard((req, res) => {
    const selectors = selectorsOf(params(req));
    const series = selectors.length ? selectSeries(source, selectors) : source.all;
    const names = new Set<string>();
    series.forEach(s => Object.keys(s.labels).forEach(n => names.add(n)));
    return res.json({ status: 'success', data: [...names].sort() });
  }));

  router.get('/api/v1/label/:name/values', guard((req, res) => {
    const selectors = selectorsOf(params(req));
    const series = selectors.length ? selectSeries(source, selectors) : source.all;
    const values = new Set<string>();
    for (const s of series) {
      const v = s.labels[req.params.name];
      if (v !== undefined) values.add(v);
    }
    return res.json({ status: 'success', data: [...values].sort() });
  }));

  router.get('/api/v1/status/buildinfo', (_req, res) => {
    res.json({ status: 'success', data: { version: 'sandbox', revision: 'generated', branch: 'sandbox' } });
  });
  router.get(['/-/ready', '/-/healthy'], (_req, res) => {
    res.type('text/plain').send('Prometheus Server is Ready.\n');
  });
  router.use((req, res) => bad(res, `unknown Prometheus API path ${req.path}`, 404));
  return router;
}
