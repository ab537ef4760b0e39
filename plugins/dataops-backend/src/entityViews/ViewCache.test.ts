import type { CacheService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import type { DataOpsView } from '@dataops-observability/plugin-dataops-node';
import { ComputedAnswer, ViewCache, ViewCacheSubject } from './ViewCache';

function memoryCache() {
  const entries = new Map<string, unknown>();
  const cache = {
    get: async (key: string) => entries.get(key),
    set: async (key: string, value: unknown) => {
      entries.set(key, value);
    },
    delete: async (key: string) => {
      entries.delete(key);
    },
    withOptions: () => cache,
  } as unknown as CacheService;
  return { cache, entries };
}

const view = (name: string, ttlSeconds: number): DataOpsView => ({
  name,
  ttlSeconds,
  run: async () => null,
  summarize: () => ({ level: 'healthy', reason: 'fine' }),
});

const subject = (
  annotations: Record<string, string> = {},
): ViewCacheSubject => ({
  envName: 'prod',
  entityRef: 'component:default/etl',
  entity: {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'etl', annotations },
  },
  range: { from: 1767261600, to: 1767265200, step: 15 },
  params: { q: 'ignored unless the view uses search parameters' },
});

/** A computation that resolves when told to, counting how often it started. */
function gatedComputation(answer: Partial<ComputedAnswer> = {}) {
  let release!: () => void;
  const gate = new Promise<void>(resolve => (release = resolve));
  const state = { started: 0 };
  const compute = async (): Promise<ComputedAnswer> => {
    state.started++;
    await gate;
    return { data: { n: 1 }, warnings: [], partial: false, ...answer };
  };
  return { compute, release, state };
}

describe('ViewCache', () => {
  const logger = mockServices.logger.mock();

  it('shares one computation between identical requests in flight and stores it as JSON text', async () => {
    const { cache, entries } = memoryCache();
    const viewCache = new ViewCache({ cache, logger, ttlOverrides: {} });
    const { compute, release, state } = gatedComputation();
    const first = viewCache.text(view('fake', 30), subject(), compute);
    const second = viewCache.text(view('fake', 30), subject(), compute);
    release();
    expect(await first).toBe('{"data":{"n":1}}');
    expect(await second).toBe('{"data":{"n":1}}');
    expect(state.started).toBe(1);
    const key = viewCache.key(view('fake', 30), subject());
    expect(entries.get(key)).toBe('{"data":{"n":1}}');
    expect(JSON.parse(entries.get(`${key}:summary`) as string)).toEqual({
      summary: { level: 'healthy', reason: 'fine' },
      warnings: [],
    });
  });

  it('never shares work in flight nor stores answers of views with ttlSeconds 0, whatever the configuration says', async () => {
    const { cache, entries } = memoryCache();
    const viewCache = new ViewCache({
      cache,
      logger,
      ttlOverrides: { perCaller: 60 },
    });
    expect(viewCache.ttlMs(view('perCaller', 0))).toBe(0);
    const { compute, release, state } = gatedComputation();
    const both = Promise.all([
      viewCache.text(view('perCaller', 0), subject(), compute),
      viewCache.text(view('perCaller', 0), subject(), compute),
    ]);
    release();
    await both;
    expect(state.started).toBe(2);
    expect(entries.size).toBe(0);
  });

  it('lets configuration change the lifetime of cached views', () => {
    const viewCache = new ViewCache({
      cache: memoryCache().cache,
      logger,
      ttlOverrides: { metrics: 5 },
    });
    expect(viewCache.ttlMs(view('metrics', 30))).toBe(5_000);
    expect(viewCache.ttlMs(view('logs', 10))).toBe(10_000);
  });

  it('serves partial answers without storing them', async () => {
    const { cache, entries } = memoryCache();
    const viewCache = new ViewCache({ cache, logger, ttlOverrides: {} });
    const { compute, release } = gatedComputation({
      partial: true,
      warnings: ['1 of 2 panels failed'],
    });
    release();
    expect(await viewCache.text(view('fake', 30), subject(), compute)).toBe(
      '{"data":{"n":1},"warnings":["1 of 2 panels failed"]}',
    );
    expect(entries.size).toBe(0);
  });

  it('keys entries by the annotations, so an edited entity never gets a stale answer', () => {
    const viewCache = new ViewCache({
      cache: memoryCache().cache,
      logger,
      ttlOverrides: {},
    });
    const before = viewCache.key(view('fake', 30), subject({ a: '1' }));
    expect(viewCache.key(view('fake', 30), subject({ a: '1' }))).toBe(before);
    expect(viewCache.key(view('fake', 30), subject({ a: '2' }))).not.toBe(
      before,
    );
    expect(before).toMatch(
      /^v2:fake:prod:component:default\/etl:1767261600:1767265200:15:/,
    );
  });
});
