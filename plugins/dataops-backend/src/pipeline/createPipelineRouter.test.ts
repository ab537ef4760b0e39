import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import type { EntityViewService } from '../entityViews';
import { PipelineService } from './PipelineService';
import { createPipelineRouter } from './createPipelineRouter';

jest.setTimeout(60_000);

const ENVS = ['dev', 'prod'];
const NOW = Date.parse('2026-12-06T05:00:00Z');
const HIDDEN = new Set([
  'component:default/secret-etl',
  'resource:default/secret-table',
]);

type Rel = [type: string, target: string];

function entity(
  kind: 'Component' | 'Resource' | 'System',
  name: string,
  type: string | undefined,
  relations: Rel[],
  annotations: Record<string, string> = {
    'dataops.io/environments': 'dev,prod',
  },
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', title: name, annotations },
    spec: { ...(type ? { type } : {}), owner: 'team-a' },
    relations: relations.map(([t, targetRef]) => ({ type: t, targetRef })),
  };
}

// sales-dag runs sales-etl and secret-etl; sales-etl writes sales-orders; secret-* are hidden from the caller.
const ENTITIES: Entity[] = [
  entity('Component', 'sales-dag', 'airflow-dag', [
    ['dependsOn', 'component:default/sales-etl'],
    ['dependsOn', 'component:default/secret-etl'],
    ['partOf', 'system:default/sales'],
  ]),
  entity('Component', 'sales-etl', 'spark-job', [
    ['dependencyOf', 'component:default/sales-dag'],
    ['dependsOn', 'resource:default/sales-orders'],
    ['partOf', 'system:default/sales'],
  ]),
  entity(
    'Resource',
    'sales-orders',
    'iceberg-table',
    [['dependencyOf', 'component:default/sales-etl']],
    {
      'dataops.io/environments': 'dev,prod',
      'dataops.io/iceberg-table': 'sales.orders',
    },
  ),
  entity('Component', 'secret-etl', 'spark-job', [
    ['dependencyOf', 'component:default/sales-dag'],
    ['dependsOn', 'resource:default/secret-table'],
  ]),
  entity('Resource', 'secret-table', 'iceberg-table', [
    ['dependencyOf', 'component:default/secret-etl'],
  ]),
  // A job that reads what the other writes, and the other way round.
  entity('Component', 'loop-a', 'spark-job', [
    ['dependsOn', 'component:default/loop-b'],
  ]),
  entity('Component', 'loop-b', 'spark-job', [
    ['dependsOn', 'component:default/loop-a'],
  ]),
  // Not annotated: not a step.
  entity(
    'Component',
    'plain-service',
    'service',
    [['dependencyOf', 'component:default/sales-etl']],
    {},
  ),
  entity('System', 'sales', undefined, [
    ['hasPart', 'component:default/sales-dag'],
    ['hasPart', 'component:default/sales-etl'],
    ['hasPart', 'resource:default/sales-orders'],
    ['hasPart', 'component:default/secret-etl'],
  ]),
];

/** The catalog as a caller who may not read the secret entities sees it. */
function callerCatalog(): CatalogService {
  const all = catalogServiceMock({ entities: ENTITIES });
  const visible = (e: Entity | undefined) =>
    e &&
    !HIDDEN.has(
      `${e.kind.toLocaleLowerCase('en-US')}:default/${e.metadata.name}`,
    )
      ? e
      : undefined;
  return {
    ...all,
    getEntityByRef: async (ref: any, opts: any) =>
      visible(await all.getEntityByRef(ref, opts)),
    getEntitiesByRefs: async (req: any, opts: any) => {
      const { items } = await all.getEntitiesByRefs(req, opts);
      return { items: items.map(i => visible(i ?? undefined)) };
    },
  } as CatalogService;
}

/** `name/env` to a level of the `runs` area; everything else is healthy. */
function fakeViews(levels: Map<string, string>, commitAgeS = 3 * 3600) {
  const calls: string[] = [];
  const views = {
    run: jest.fn(async (view: string, req: any) => {
      const env = req.envs[0];
      const name = req.entity.metadata.name;
      calls.push(`${view}:${name}/${env}`);
      let data: any;
      if (view === 'summary') {
        const level = levels.get(`${name}/${env}`) ?? 'healthy';
        data = {
          areas: {
            metrics: { level: 'healthy', reason: 'fine' },
            runs: { level, reason: `last run ${level}` },
          },
        };
      } else if (view === 'runs') {
        const failed = levels.get(`${name}/${env}`) === 'critical';
        data = {
          source: 'airflow',
          identity: name,
          totalInRange: 2,
          runs: [
            {
              id: 'r2',
              state: failed ? 'failed' : 'success',
              level: failed ? 'critical' : 'healthy',
              startedAt: '2026-12-06T02:40:00Z',
              endedAt: '2026-12-06T03:12:00Z',
              durationLevel: 'unknown',
            },
          ],
          ...(req.entity.spec.type === 'iceberg-table'
            ? {
                freshness: {
                  lastCommitAt: new Date(NOW - commitAgeS * 1000).toISOString(),
                  ageSeconds: commitAgeS,
                  targetSeconds: 3600,
                  level: 'critical',
                },
              }
            : {}),
        };
      } else {
        data = { checks: [] };
      }
      return {
        entityRef: '',
        environments: [{ env, status: 'ok', data }],
      };
    }),
  } as unknown as EntityViewService;
  return { views, calls };
}

async function start(
  views: EntityViewService,
  settings = { freshnessTargetSeconds: 3600, maxSteps: 50 },
) {
  const testPlugin = createBackendPlugin({
    pluginId: 'dataops',
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
        },
        async init({ httpRouter, httpAuth }) {
          const catalog = callerCatalog();
          httpRouter.use(
            await createPipelineRouter({
              httpAuth,
              catalog,
              environments: ENVS,
              pipeline: new PipelineService({
                catalog,
                views,
                limits: {
                  maxConcurrentEntities: 2,
                  maxEntities: 100,
                  deadlineMs: 5000,
                },
                settings,
                now: () => NOW,
              }),
            }),
          );
        },
      });
    },
  });
  const { server } = await startTestBackend({ features: [testPlugin] });
  return server;
}

const BASE = '/api/dataops/v1/pipeline/default';

describe('GET /v1/pipeline/:namespace/:kind/:name', () => {
  it('orders the chain upstream-first, from any of its members', async () => {
    const server = await start(fakeViews(new Map()).views);
    for (const member of [
      'component/sales-dag',
      'component/sales-etl',
      'resource/sales-orders',
    ]) {
      const res = await request(server).get(`${BASE}/${member}`);
      expect(res.status).toBe(200);
      expect(res.body.steps.map((s: any) => s.entityRef)).toEqual([
        'component:default/sales-dag',
        'component:default/sales-etl',
        'resource:default/sales-orders',
      ]);
    }
    const res = await request(server).get(`${BASE}/component/sales-etl`);
    expect(res.body.steps.map((s: any) => s.depth)).toEqual([0, 1, 2]);
    expect(res.body.edges).toEqual(
      expect.arrayContaining([
        {
          from: 'component:default/sales-dag',
          to: 'component:default/sales-etl',
        },
        {
          from: 'component:default/sales-etl',
          to: 'resource:default/sales-orders',
        },
      ]),
    );
    expect(res.body.edges).toHaveLength(2);
    expect(res.body.steps[2].tableName).toBe('sales.orders');
    expect(res.body.steps[0].cells).toEqual([
      expect.objectContaining({ env: 'dev', level: 'healthy' }),
      expect.objectContaining({ env: 'prod', level: 'healthy' }),
    ]);
    expect(res.body.firstBroken).toEqual([]);
  });

  it('names the most upstream broken step per environment, with the time its run failed', async () => {
    const { views } = fakeViews(
      new Map([
        ['sales-dag/prod', 'critical'],
        ['sales-etl/prod', 'critical'],
        ['sales-etl/dev', 'warning'],
      ]),
    );
    const res = await request(await start(views)).get(
      `${BASE}/resource/sales-orders`,
    );
    expect(res.status).toBe(200);
    const byEnv = new Map<string, any>(
      res.body.firstBroken.map((b: any) => [b.env, b]),
    );
    expect(byEnv.get('prod')).toEqual({
      env: 'prod',
      entityRef: 'component:default/sales-dag',
      level: 'critical',
      reason: 'runs: last run critical',
      failedAt: '2026-12-06T03:12:00Z',
      affects: ['resource:default/sales-orders'],
      sentence:
        'sales.orders is stale because sales-dag failed in prod at 03:12 UTC',
    });
    // A warning with no failed run: the cell's reason stands in for the time.
    expect(byEnv.get('dev')).toMatchObject({
      entityRef: 'component:default/sales-etl',
      sentence:
        'sales.orders is stale because sales-etl is warning in dev (runs: last run warning)',
    });
    expect(byEnv.get('dev').failedAt).toBeUndefined();
  });

  it('takes the failure time from the newest finished run whichever area is worst', async () => {
    const base = fakeViews(new Map()).views;
    const views = {
      run: jest.fn(async (view: string, req: any) => {
        const env = req.envs[0];
        const dag = req.entity.metadata.name === 'sales-dag' && env === 'prod';
        if (dag && view === 'summary') {
          return {
            entityRef: '',
            environments: [
              {
                env,
                status: 'ok',
                data: {
                  areas: {
                    slo: { level: 'critical', reason: 'budget spent' },
                    runs: { level: 'healthy', reason: 'last run running' },
                  },
                },
              },
            ],
          };
        }
        if (dag && view === 'runs') {
          const run = (id: string, level: string, endedAt?: string) => ({
            id,
            level,
            state: level === 'critical' ? 'failed' : 'running',
            startedAt: '2026-12-06T04:00:00Z',
            ...(endedAt ? { endedAt } : {}),
            durationLevel: 'unknown',
          });
          return {
            entityRef: '',
            environments: [
              {
                env,
                status: 'ok',
                data: {
                  source: 'airflow',
                  identity: 'sales_dag',
                  totalInRange: 2,
                  runs: [
                    run('now', 'unknown'),
                    run('before', 'critical', '2026-12-06T03:01:30Z'),
                  ],
                },
              },
            ],
          };
        }
        return base.run(view, req);
      }),
    } as unknown as EntityViewService;
    const res = await request(await start(views)).get(
      `${BASE}/component/sales-dag`,
    );
    expect(res.body.firstBroken).toEqual([
      expect.objectContaining({
        env: 'prod',
        entityRef: 'component:default/sales-dag',
        reason: 'slo: budget spent',
        failedAt: '2026-12-06T03:01:30Z',
        sentence:
          'sales.orders is stale because sales-dag failed in prod at 03:01 UTC',
      }),
    ]);
  });

  it('judges the final table against the freshness target', async () => {
    const stale = await request(
      await start(fakeViews(new Map(), 3 * 3600).views),
    ).get(`${BASE}/component/sales-dag`);
    expect(stale.body.freshnessTargetSeconds).toBe(3600);
    expect(stale.body.freshness).toEqual([
      expect.objectContaining({
        entityRef: 'resource:default/sales-orders',
        env: 'dev',
        ageSeconds: 3 * 3600,
        level: 'critical',
        source: 'runs',
      }),
      expect.objectContaining({ env: 'prod', level: 'critical' }),
    ]);
    const fresh = await request(
      await start(fakeViews(new Map(), 90 * 60).views, {
        freshnessTargetSeconds: 2 * 3600,
        maxSteps: 50,
      }),
    ).get(`${BASE}/component/sales-dag`);
    expect(fresh.body.freshness[0]).toMatchObject({
      ageSeconds: 5400,
      targetSeconds: 7200,
      level: 'healthy',
    });
  });

  it('never shows, walks through or admits to an entity the caller may not read', async () => {
    const { views, calls } = fakeViews(new Map());
    const server = await start(views);
    for (const path of ['component/sales-dag', 'system/sales']) {
      const res = await request(server).get(`${BASE}/${path}`);
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain('secret');
      expect(res.body.steps).toHaveLength(3);
    }
    expect(calls.some(c => c.includes('secret'))).toBe(false);
    const hidden = await request(server).get(`${BASE}/component/secret-etl`);
    const missing = await request(server).get(`${BASE}/component/no-such-etl`);
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(JSON.stringify(hidden.body)).not.toContain('spark');
  });

  it('leaves unannotated neighbours out', async () => {
    const res = await request(await start(fakeViews(new Map()).views)).get(
      `${BASE}/component/sales-etl`,
    );
    expect(JSON.stringify(res.body)).not.toContain('plain-service');
  });

  it('lists a system as its members linked by their dependencies', async () => {
    const res = await request(await start(fakeViews(new Map()).views)).get(
      `${BASE}/system/sales`,
    );
    expect(res.body.entityRef).toBe('system:default/sales');
    expect(res.body.steps.map((s: any) => s.title)).toEqual([
      'sales-dag',
      'sales-etl',
      'sales-orders',
    ]);
    expect(res.body.edges).toHaveLength(2);
  });

  it('terminates on a cycle and flags its steps', async () => {
    const res = await request(await start(fakeViews(new Map()).views)).get(
      `${BASE}/component/loop-a`,
    );
    expect(res.status).toBe(200);
    expect(res.body.hasCycle).toBe(true);
    expect(res.body.steps.map((s: any) => [s.title, s.inCycle])).toEqual([
      ['loop-a', true],
      ['loop-b', true],
    ]);
  });

  it('stops at the maximum number of steps and says so', async () => {
    const res = await request(
      await start(fakeViews(new Map()).views, {
        freshnessTargetSeconds: 3600,
        maxSteps: 2,
      }),
    ).get(`${BASE}/component/sales-dag`);
    expect(res.body.steps).toHaveLength(2);
    expect(res.body.truncated).toBe(true);
  });

  it.each([
    ['/api/dataops/v1/pipeline/-bad/component/sales-dag', 'namespace'],
    ['/api/dataops/v1/pipeline/default/com%20ponent/sales-dag', 'kind'],
    ['/api/dataops/v1/pipeline/default/component/sales%3Fdag', 'name'],
    [`${BASE}/component/sales-dag?env=staging`, 'env'],
    [`${BASE}/component/sales-dag?env=a%20b`, 'env'],
    [`${BASE}/component/sales-dag?color=red`, 'color'],
  ])('rejects %s with a 400 naming %s', async (path, name) => {
    const res = await request(await start(fakeViews(new Map()).views)).get(
      path,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(name);
  });
});
