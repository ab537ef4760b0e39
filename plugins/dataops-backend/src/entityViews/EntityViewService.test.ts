import { ConfigReader } from '@backstage/config';
import type { CacheService } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { DataOpsView } from '@dataops-observability/plugin-dataops-node';
import { EnvironmentSources } from '../sources';
import { ViewRegistry } from './ViewRegistry';
import { EntityViewService } from './EntityViewService';

const PROD = {
  name: 'prod',
  timeoutMs: 1000,
  maxResponseBytes: 1_000_000,
  raw: new ConfigReader({}),
};
/** These views read no upstream. */
const NO_SOURCES = EnvironmentSources.fromConfig({
  rootConfig: new ConfigReader({}),
  environments: [PROD],
  sources: [],
});

/** A cache that keeps exactly what it was given, so the test sees the stored representation. */
function recordingCache() {
  const entries = new Map<string, unknown>();
  const reads: string[] = [];
  const cache = {
    get: async (key: string) => {
      reads.push(key);
      return entries.get(key);
    },
    set: async (key: string, value: unknown) => {
      entries.set(key, value);
    },
    delete: async (key: string) => {
      entries.delete(key);
    },
    withOptions: () => cache,
  } as unknown as CacheService;
  return { cache, entries, reads };
}

describe('EntityViewService cache entries', () => {
  const points = Array.from({ length: 240 }, (_, i) => [
    1767261600 + i * 15,
    i,
  ]);
  let runs = 0;
  const view: DataOpsView<{ points: number[][] }> = {
    name: 'fake',
    ttlSeconds: 30,
    async run() {
      runs++;
      return { points };
    },
  };
  const warned: DataOpsView<null> = {
    name: 'warned',
    ttlSeconds: 30,
    async run(ctx) {
      ctx.addWarning('partial answer');
      return null;
    },
  };
  let partialRuns = 0;
  const partly: DataOpsView<{ panels: string[] }> = {
    name: 'partly',
    ttlSeconds: 30,
    async run(ctx) {
      partialRuns++;
      ctx.markPartial('1 of 2 panels failed');
      return { panels: ['ok', 'error'] };
    },
  };
  let summarized = 0;
  const area: DataOpsView<{ points: number[][] }> = {
    name: 'area',
    ttlSeconds: 30,
    area: 'metrics',
    async run(ctx) {
      ctx.addWarning('thanos: partial response');
      return { points };
    },
    summarize(data) {
      summarized++;
      return { level: 'healthy', reason: `${data.points.length} points` };
    },
  };
  const overview: DataOpsView<unknown> = {
    name: 'overview',
    ttlSeconds: 0,
    run: ctx => ctx.runViewSummary('area'),
  };
  const registry = new ViewRegistry();
  registry.register(view);
  registry.register(warned);
  registry.register(partly);
  registry.register(area);
  registry.register(overview);
  const { cache, entries, reads } = recordingCache();
  const service = new EntityViewService({
    registry,
    environments: [PROD],
    sources: NO_SOURCES,
    cache,
    logger: mockServices.logger.mock(),
    ttlOverrides: {},
    // A shared store and no room for local copies: every read goes to the shared store, as it does for
    // an instance that did not compute the answer itself.
    cacheStore: 'redis',
    localCacheLimits: { maxEntries: 10, maxBytes: 1, maxBytesPerOwner: 1 },
  });
  /** A shared entry without the expiry in front of it. */
  const textOf = (stored: unknown) =>
    (stored as string).slice((stored as string).indexOf(';') + 1);
  const request = {
    entity: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'etl', namespace: 'default' },
    },
    credentials: mockCredentials.user(),
    range: { from: 1767261600, to: 1767265200, step: 15 },
    params: {},
  };

  it('stores each answer as one JSON string, so a hit costs a plain JSON.parse instead of a reviver walk over every point', async () => {
    const first = await service.run('fake', request);
    expect(entries.size).toBe(1);
    const [stored] = entries.values();
    expect(typeof stored).toBe('string');
    expect(JSON.parse(textOf(stored))).toEqual({ data: { points } });

    const second = await service.run('fake', request);
    expect(runs).toBe(1);
    expect(second).toEqual(first);
    expect(second.environments[0]).toEqual({
      env: 'prod',
      status: 'ok',
      data: { points },
    });
  });

  it('splices the stored text into the response as it is, warnings included only when there are some', async () => {
    const json = await service.runJson('fake', request);
    const [stored] = [...entries.values()].map(textOf);
    expect(json).toContain(`"status":"ok",${stored.slice(1)}`);
    expect(JSON.parse(json)).toEqual({
      entityRef: 'component:default/etl',
      range: {
        from: '2026-01-01T10:00:00.000Z',
        to: '2026-01-01T11:00:00.000Z',
        step: 15,
      },
      environments: [{ env: 'prod', status: 'ok', data: { points } }],
    });

    const withWarning = await service.run('warned', request);
    expect(withWarning.environments).toEqual([
      { env: 'prod', status: 'ok', data: null, warnings: ['partial answer'] },
    ]);
  });

  it('serves a partial answer but does not cache it, so the next view asks the upstream again', async () => {
    const before = entries.size;
    const first = await service.run('partly', request);
    expect(first.environments[0]).toEqual({
      env: 'prod',
      status: 'ok',
      data: { panels: ['ok', 'error'] },
    });
    await service.run('partly', request);
    expect(partialRuns).toBe(2);
    expect(entries.size).toBe(before);
  });

  it("stores a view's summary next to its answer, so a warm summary reads that small entry and not the answer", async () => {
    const cold = await service.run('overview', request);
    const expected = { level: 'healthy', reason: '240 points' };
    expect(cold.environments[0]).toEqual({
      env: 'prod',
      status: 'ok',
      data: expected,
      warnings: ['thanos: partial response'],
    });
    const summaryKeys = [...entries.keys()].filter(k => k.endsWith(':summary'));
    expect(summaryKeys).toHaveLength(1);
    expect(summaryKeys[0]).toContain(':area:prod:');

    reads.length = 0;
    const before = summarized;
    const warm = await service.run('overview', request);
    expect(warm).toEqual(cold);
    expect(reads).toEqual(summaryKeys);
    expect(summarized).toBe(before);
  });

  it('computes the summary from the stored answer when the summary entry is gone', async () => {
    const [summaryKey] = [...entries.keys()].filter(
      k => k.includes(':area:') && k.endsWith(':summary'),
    );
    entries.delete(summaryKey);
    const before = summarized;
    const again = await service.run('overview', request);
    expect(again.environments[0]).toMatchObject({
      status: 'ok',
      data: { level: 'healthy', reason: '240 points' },
    });
    expect(summarized).toBe(before + 1);
  });
});

describe('EntityViewService and callers with different permissions', () => {
  // A view only some callers may read, slow enough that a second caller arrives while it runs.
  let secretRuns = 0;
  const secret: DataOpsView<string> = {
    name: 'secret',
    ttlSeconds: 30,
    area: 'logs',
    async authorize({ credentials }) {
      const principal = credentials.principal as { userEntityRef?: string };
      if (principal.userEntityRef !== 'user:default/allowed') {
        throw Object.assign(new Error('not allowed'), {
          name: 'NotAllowedError',
        });
      }
    },
    async run() {
      secretRuns++;
      await new Promise(resolve => setTimeout(resolve, 100));
      return 'the secret lines';
    },
    summarize: data => ({ level: 'healthy', reason: data }),
  };
  // Like the summary view: reads other views and says "not permitted" for those the caller may not read.
  const composite: DataOpsView<string> = {
    name: 'composite',
    ttlSeconds: 0,
    async run(ctx) {
      try {
        return (await ctx.runViewSummary('secret')).reason;
      } catch (e) {
        if ((e as Error).name === 'NotAllowedError') {
          return 'not permitted';
        }
        throw e;
      }
    },
  };
  const registry = new ViewRegistry();
  registry.register(secret);
  registry.register(composite);
  const service = new EntityViewService({
    registry,
    environments: [PROD],
    sources: NO_SOURCES,
    cache: recordingCache().cache,
    logger: mockServices.logger.mock(),
    // An operator asking for the composite view to be cached must not make it shareable between callers.
    ttlOverrides: { composite: 60 },
  });
  const requestOf = (userEntityRef: string, from = 1767261600) => ({
    entity: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'etl', namespace: 'default' },
    },
    credentials: mockCredentials.user(userEntityRef),
    range: { from, to: from + 3600, step: 15 },
    params: {},
  });

  it('never hands one caller the in-flight answer computed for another', async () => {
    const [allowed, denied] = await Promise.all([
      service.run('composite', requestOf('user:default/allowed')),
      service.run('composite', requestOf('user:default/denied')),
    ]);
    expect(allowed.environments[0]).toMatchObject({ data: 'the secret lines' });
    expect(denied.environments[0]).toMatchObject({ data: 'not permitted' });
  });

  it('still shares the permitted inner work between callers allowed to read it', async () => {
    const before = secretRuns;
    const fresh = 1767261600 + 86400;
    const answers = await Promise.all([
      service.run('composite', requestOf('user:default/allowed', fresh)),
      service.run('composite', requestOf('user:default/allowed', fresh)),
      service.run('secret', requestOf('user:default/allowed', fresh)),
    ]);
    expect(secretRuns - before).toBe(1);
    expect(answers.map(a => a.environments[0].status)).toEqual([
      'ok',
      'ok',
      'ok',
    ]);
  });
});

describe('EntityViewService time budget', () => {
  it("stops an environment's time budget when its run ends, so a finished run holds nothing until then", async () => {
    const quick = { ...PROD, timeoutMs: 10 };
    let seen: AbortSignal | undefined;
    const registry = new ViewRegistry();
    registry.register({
      name: 'quick',
      ttlSeconds: 0,
      run: async ctx => {
        seen = ctx.signal;
        return null;
      },
    });
    const service = new EntityViewService({
      registry,
      environments: [quick],
      sources: EnvironmentSources.fromConfig({
        rootConfig: new ConfigReader({}),
        environments: [quick],
        sources: [],
      }),
      cache: mockServices.cache.mock(),
      logger: mockServices.logger.mock(),
      ttlOverrides: {},
    });
    await service.run('quick', {
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'etl', namespace: 'default' },
      },
      credentials: mockCredentials.user(),
      range: { from: 0, to: 3600, step: 15 },
      params: {},
    });
    // The budget is 3 x 10 ms; a timer left running would have aborted the signal by now.
    await new Promise(r => setTimeout(r, 80));
    expect(seen!.aborted).toBe(false);
  });
});
