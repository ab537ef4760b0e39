import type { CacheService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import {
  DataOpsSourceError,
  type DataOpsView,
} from '@dataops-observability/plugin-dataops-node';
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
  caller: 'user:default/alice',
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
    const viewCache = new ViewCache({
      cache,
      logger,
      ttlOverrides: {},
      sharedStore: true,
      now: () => 1_000,
    });
    const { compute, release, state } = gatedComputation();
    const first = viewCache.text(view('fake', 30), subject(), compute);
    const second = viewCache.text(view('fake', 30), subject(), compute);
    release();
    expect(await first).toBe('{"data":{"n":1}}');
    expect(await second).toBe('{"data":{"n":1}}');
    expect(state.started).toBe(1);
    const key = viewCache.key(view('fake', 30), subject());
    // The shared copy carries its expiry, so another instance's local copy expires with it.
    expect(entries.get(key)).toBe('31000;{"data":{"n":1}}');
    expect(entries.get(`${key}:summary`)).toBe(
      '31000;{"summary":{"level":"healthy","reason":"fine"},"warnings":[]}',
    );
  });

  it('never shares work in flight nor stores answers of views with ttlSeconds 0, whatever the configuration says', async () => {
    const { cache, entries } = memoryCache();
    const viewCache = new ViewCache({
      cache,
      logger,
      ttlOverrides: { perCaller: 60 },
      sharedStore: true,
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
      sharedStore: true,
    });
    expect(viewCache.ttlMs(view('metrics', 30))).toBe(5_000);
    expect(viewCache.ttlMs(view('logs', 10))).toBe(10_000);
  });

  it('serves partial answers without storing them', async () => {
    const { cache, entries } = memoryCache();
    const viewCache = new ViewCache({
      cache,
      logger,
      ttlOverrides: {},
      sharedStore: true,
    });
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
      sharedStore: true,
    });
    const before = viewCache.key(view('fake', 30), subject({ a: '1' }));
    expect(viewCache.key(view('fake', 30), subject({ a: '1' }))).toBe(before);
    expect(viewCache.key(view('fake', 30), subject({ a: '2' }))).not.toBe(
      before,
    );
    expect(before).toMatch(
      /^v3:fake:prod:component:default\/etl:1767261600:1767265200:15:/,
    );
  });

  describe('bounded in-process store', () => {
    const answer = (n: number) => async (): Promise<ComputedAnswer> => ({
      data: { n },
      warnings: [],
      partial: false,
    });
    const at = (from: number, caller = 'user:default/alice') => ({
      ...subject(),
      range: { from, to: from + 3600, step: 15 },
      caller,
    });

    it('with the memory store keeps answers only in the bounded local store and serves them from there', async () => {
      const { cache, entries } = memoryCache();
      const viewCache = new ViewCache({
        cache,
        logger,
        ttlOverrides: {},
        sharedStore: false,
      });
      const compute = jest.fn(answer(1));
      await viewCache.text(view('fake', 30), subject(), compute);
      await viewCache.text(view('fake', 30), subject(), compute);
      expect(compute).toHaveBeenCalledTimes(1);
      expect(entries.size).toBe(0);
      // The answer and its summary.
      expect(viewCache.localStats().entries).toBe(2);
    });

    it('evicts the least recently used answers when full', async () => {
      const viewCache = new ViewCache({
        cache: memoryCache().cache,
        logger,
        ttlOverrides: {},
        sharedStore: false,
        localLimits: {
          maxEntries: 4,
          maxBytes: 1e9,
          maxBytesPerOwner: 1e9,
        },
      });
      const fake = view('plain', 30);
      delete fake.summarize;
      await viewCache.text(fake, at(0), answer(0));
      await viewCache.text(fake, at(15), answer(15));
      await viewCache.text(fake, at(30), answer(30));
      await viewCache.text(fake, at(45), answer(45));
      // Reading the first makes the second the least recently used.
      await viewCache.text(fake, at(0), answer(-1));
      await viewCache.text(fake, at(60), answer(60));
      expect(viewCache.localStats().entries).toBe(4);
      expect(await viewCache.text(fake, at(0), answer(-1))).toBe(
        '{"data":{"n":0}}',
      );
      expect(await viewCache.text(fake, at(15), answer(-1))).toBe(
        '{"data":{"n":-1}}',
      );
    });

    it('drops answers when their lifetime ends', async () => {
      let now = 0;
      const viewCache = new ViewCache({
        cache: memoryCache().cache,
        logger,
        ttlOverrides: {},
        sharedStore: false,
        now: () => now,
      });
      await viewCache.text(view('fake', 30), subject(), answer(1));
      now = 29_999;
      expect(await viewCache.text(view('fake', 30), subject(), answer(2))).toBe(
        '{"data":{"n":1}}',
      );
      now = 30_000;
      expect(await viewCache.text(view('fake', 30), subject(), answer(3))).toBe(
        '{"data":{"n":3}}',
      );
      // Expired entries nobody reads again are swept out as well.
      now = 100_000;
      await viewCache.text(view('other', 30), subject(), answer(4));
      expect(viewCache.localStats().entries).toBe(2);
    });

    it('caps what one caller can fill, so their distinct queries evict their own answers, not others', async () => {
      const viewCache = new ViewCache({
        cache: memoryCache().cache,
        logger,
        ttlOverrides: {},
        sharedStore: false,
        localLimits: {
          maxEntries: 1_000,
          maxBytes: 100_000,
          maxBytesPerOwner: 10_000,
        },
      });
      const fake = view('plain', 30);
      delete fake.summarize;
      await viewCache.text(fake, at(0, 'user:default/bob'), answer(7));
      for (let i = 1; i <= 500; i++) {
        await viewCache.text(
          fake,
          at(i * 15, 'user:default/mallory'),
          answer(i),
        );
      }
      expect(
        viewCache.localBytesOf('user:default/mallory'),
      ).toBeLessThanOrEqual(10_000);
      expect(viewCache.localStats().bytes).toBeLessThanOrEqual(100_000);
      // Bob's answer survived Mallory's 500 distinct ranges.
      expect(
        await viewCache.text(fake, at(0, 'user:default/bob'), answer(-1)),
      ).toBe('{"data":{"n":7}}');
    });

    it('copies a shared entry locally only until the shared one expires', async () => {
      let now = 1_000;
      const { cache, entries } = memoryCache();
      const viewCache = new ViewCache({
        cache,
        logger,
        ttlOverrides: {},
        sharedStore: true,
        now: () => now,
      });
      const key = viewCache.key(view('fake', 30), subject());
      entries.set(key, '5000;{"data":"from another instance"}');
      expect(await viewCache.text(view('fake', 30), subject(), answer(1))).toBe(
        '{"data":"from another instance"}',
      );
      entries.delete(key);
      now = 4_999;
      expect(await viewCache.text(view('fake', 30), subject(), answer(2))).toBe(
        '{"data":"from another instance"}',
      );
      now = 5_000;
      expect(await viewCache.text(view('fake', 30), subject(), answer(3))).toBe(
        '{"data":{"n":3}}',
      );
    });

    it('keys search parameters normalised, so blank and order variants share an entry', () => {
      const viewCache = new ViewCache({
        cache: memoryCache().cache,
        logger,
        ttlOverrides: {},
        sharedStore: false,
      });
      const logs = { ...view('logs', 10), usesSearchParams: true };
      const withParams = (params: ViewCacheSubject['params']) => ({
        ...subject(),
        params,
      });
      const key = viewCache.key(
        logs,
        withParams({ q: 'disk full', level: ['warn', 'error'] }),
      );
      expect(
        viewCache.key(
          logs,
          withParams({
            q: '  disk   full ',
            level: ['error', 'warn', 'error'],
          }),
        ),
      ).toBe(key);
      expect(
        viewCache.key(
          logs,
          withParams({ q: 'disk', level: ['warn', 'error'] }),
        ),
      ).not.toBe(key);
      // Free text never goes into the key as it is: its length is bounded whatever the query.
      expect(
        viewCache.key(logs, withParams({ q: 'x'.repeat(500) })).length,
      ).toBeLessThan(200);
    });
  });

  it('keeps failures that only configuration and annotations decide, and retries every other failure', async () => {
    const viewCache = new ViewCache({
      cache: memoryCache().cache,
      logger,
      ttlOverrides: {},
      sharedStore: false,
    });
    const settled = new DataOpsSourceError({
      type: 'BAD_ANNOTATION',
      source: 'airflow',
      message: 'no dag id',
    });
    const notApplicable = jest.fn(async (): Promise<ComputedAnswer> => {
      throw settled;
    });
    for (let i = 0; i < 2; i++) {
      await expect(
        viewCache.text(view('runs', 30), subject(), notApplicable),
      ).rejects.toBe(settled);
    }
    expect(notApplicable).toHaveBeenCalledTimes(1);

    const outage = jest.fn(async (): Promise<ComputedAnswer> => {
      throw new DataOpsSourceError({
        type: 'UPSTREAM_TIMEOUT',
        source: 'thanos',
        message: 'slow',
      });
    });
    for (let i = 0; i < 2; i++) {
      await expect(
        viewCache.text(view('metrics', 30), subject(), outage),
      ).rejects.toThrow('slow');
    }
    expect(outage).toHaveBeenCalledTimes(2);
  });
});
