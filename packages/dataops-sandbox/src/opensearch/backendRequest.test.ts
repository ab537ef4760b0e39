import { SpecValidator } from '@internal/api-spec-checks';
import { buildLogSearchBody, LogSearchRequest } from '@dataops-observability/plugin-dataops-backend/testUtils';
import { RunningSandbox, startSandbox } from '../server';
import { Faults, loadCatalog, Scenario } from '../scenario';

jest.setTimeout(60000);

// The sandbox serves the default field names, so the body is built as a backend with default config builds it.
const backendSearchBody = (request: Omit<LogSearchRequest, 'index'>) =>
  buildLogSearchBody({ index: '', ...request }, { timestampField: '@timestamp', levelField: 'level', messageField: 'message' });

describe('opensearch answers the backend logs query', () => {
  const spec = SpecValidator.for('opensearch');
  const to = Math.floor(Date.now() / 1000) * 1000;
  const from = to - 3 * 3600000;
  const app = { field: 'kubernetes.labels.app', value: 'daily-sales-etl' };
  let sandbox: RunningSandbox;

  const search = async (index: string, body: Record<string, unknown>) => {
    // The spec's sort `oneOf` is ambiguous for every object form (its SortOptions branch accepts any one-key
    // object), so each sort item is checked against its own branch and the rest of the body as a whole.
    const { sort, ...rest } = body;
    expect(spec.checkRequestBody('POST', '/{index}/_search', rest).errors).toEqual([]);
    for (const item of sort as unknown[]) {
      expect(spec.checkSchema('_common___FieldWithDirection', item).errors).toEqual([]);
    }
    // The official client adds ignore_unavailable=true to every search.
    const res = await fetch(`${sandbox.url}/prod/opensearch/${index}/_search?ignore_unavailable=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as any;
    expect({ status: res.status, error: json.error }).toEqual({ status: 200, error: undefined });
    expect(spec.checkResponse('POST', '/{index}/_search', 200, json)).toEqual({ valid: true, errors: [] });
    return json;
  };

  beforeAll(async () => {
    const scenario = new Scenario(loadCatalog(), Math.floor(Date.now() / 60000) * 60000, new Faults('', ''));
    sandbox = await startSandbox({ scenario, port: 0 });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('pages with search_after on [@timestamp, _doc] through every line exactly once', async () => {
    const size = 100;
    const first = await search('logs-spark-*', backendSearchBody({ terms: [app], from, to, size, histogramIntervalMs: 300000 }));
    const total = first.hits.total;
    expect(total.relation).toBe('eq');
    expect(total.value).toBeGreaterThan(3 * size);
    const histogram = first.aggregations.histogram.buckets;
    expect(histogram[0].key).toBe(Math.floor(from / 300000) * 300000);
    expect(histogram.reduce((n: number, b: any) => n + b.doc_count, 0)).toBe(total.value);
    const levelCount = histogram.reduce((n: number, b: any) => n + b.levels.buckets.reduce((m: number, l: any) => m + l.doc_count, 0), 0);
    expect(levelCount).toBe(total.value);

    const seen: any[] = [...first.hits.hits];
    let page = first.hits.hits;
    while (page.length === size) {
      const next = await search('logs-spark-*', backendSearchBody({ terms: [app], from, to, size, searchAfter: page[page.length - 1].sort }));
      expect(next.hits.total.value).toBe(total.value);
      expect(next.aggregations).toBeUndefined();
      page = next.hits.hits;
      seen.push(...page);
    }
    expect(seen).toHaveLength(total.value);
    expect(new Set(seen.map(h => h._id)).size).toBe(total.value);
    for (let i = 1; i < seen.length; i++) {
      const [t0, d0] = seen[i - 1].sort;
      const [t1, d1] = seen[i].sort;
      expect(Number.isInteger(d1)).toBe(true);
      expect(t1 < t0 || (t1 === t0 && d1 > d0)).toBe(true);
    }
    for (const hit of seen) {
      expect(hit._source.kubernetes.labels.app).toBe('daily-sales-etl');
      expect(hit.sort[0]).toBe(Date.parse(hit._source['@timestamp']));
    }
  });

  it('breaks @timestamp ties by _doc and keeps _doc stable between requests', async () => {
    const body = backendSearchBody({ terms: [], from, to, size: 500 });
    const all = await search('logs-*', body);
    const again = await search('logs-*', body);
    expect(again.hits.hits.map((h: any) => h.sort)).toEqual(all.hits.hits.map((h: any) => h.sort));
    const pivot = all.hits.hits[200];
    const [t, doc] = pivot.sort;
    // A cursor just before the pivot in _doc order, at the same instant, must return the pivot first.
    const before = await search('logs-*', backendSearchBody({ terms: [], from, to, size: 5, searchAfter: [t, doc - 1] }));
    expect(before.hits.hits[0]._id).toBe(pivot._id);
    const after = await search('logs-*', backendSearchBody({ terms: [], from, to, size: 5, searchAfter: [t, doc] }));
    expect(after.hits.hits.map((h: any) => h._id)).toEqual(all.hits.hits.slice(201, 206).map((h: any) => h._id));
  });

  it('applies the level filter and the free-text query the backend adds', async () => {
    const res = await search('logs-spark-*', backendSearchBody({ terms: [app], from, to, size: 50, levels: ['warn'], text: 'GC overhead', histogramIntervalMs: 300000 }));
    expect(res.hits.hits.length).toBeGreaterThan(0);
    expect(res.hits.hits.every((h: any) => h._source.level === 'warn' && /gc overhead/i.test(h._source.message))).toBe(true);
    const levels = new Set(res.aggregations.histogram.buckets.flatMap((b: any) => b.levels.buckets.map((l: any) => l.key)));
    expect([...levels]).toEqual(['warn']);
  });

  it('keeps masked values out of free-text search: message field only, no prefix operator', async () => {
    const all = await search('logs-spark-*', backendSearchBody({ terms: [app], from, to, size: 500 }));
    const leaked = all.hits.hits.map((h: any) => /password=([0-9a-f]{16})@/.exec(h._source.connection_url)?.[1]).find(Boolean);
    expect(leaked).toMatch(/^[0-9a-f]{16}$/);
    // The credential sits in a field free text does not search, whole or by prefix.
    const whole = await search('logs-spark-*', backendSearchBody({ terms: [app], from, to, size: 5, text: leaked }));
    expect(whole.hits.total.value).toBe(0);
    // A prefix may still be an ordinary word of some message (three hex digits can be a number such as "512"):
    // every hit must then carry it as a whole word of its message, never owe it to the credential.
    const head = leaked.slice(0, 3);
    const byPrefix = await search('logs-spark-*', backendSearchBody({ terms: [app], from, to, size: 500, text: `${head}*` }));
    const ownWord = (h: any) => h._source.message.toLowerCase().split(/[^a-z0-9_]+/).includes(head);
    expect(byPrefix.hits.hits.filter((h: any) => !ownWord(h))).toEqual([]);
    // Inside the message, a prefix no longer spells the value out one character at a time.
    const inMessage = all.hits.hits.map((h: any) => /password=([0-9a-f]{12})/.exec(h._source.message)?.[1]).find(Boolean);
    expect(inMessage).toMatch(/^[0-9a-f]{12}$/);
    const prefix = await search('logs-spark-*', backendSearchBody({ terms: [app], from, to, size: 5, text: `password=${inMessage.slice(0, 2)}*` }));
    expect(prefix.hits.total.value).toBe(0);
    // Ordinary words of the message are still found.
    const words = await search('logs-spark-*', backendSearchBody({ terms: [app], from, to, size: 5, text: 'metastore' }));
    expect(words.hits.total.value).toBeGreaterThan(0);
  });

  it('rejects a malformed cursor value with 400', async () => {
    const res = await fetch(`${sandbox.url}/prod/opensearch/logs-spark-*/_search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(backendSearchBody({ terms: [app], from, to, size: 5, searchAfter: [to, 'x'] })),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.reason).toMatch(/\[_doc\] must be an integer/);
  });
});
