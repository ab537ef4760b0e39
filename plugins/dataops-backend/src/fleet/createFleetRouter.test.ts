import express from 'express';
import request from 'supertest';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
import type { EntityViewService } from '../entityViews';
import { FleetService } from './FleetService';
import { createFleetRouter } from './createFleetRouter';

const ENVS = ['dev', 'prod'];

function component(
  name: string,
  owner: string,
  extra: { type?: string; system?: string; annotated?: boolean } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations:
        extra.annotated === false
          ? {}
          : { 'dataops.io/prometheus-selector': `job="${name}"` },
    },
    spec: {
      type: extra.type ?? 'spark-job',
      owner,
      system: extra.system ?? 'sales',
      lifecycle: 'production',
    },
    relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
  };
}

const ENTITIES = [
  component('orders-etl', 'team-a'),
  component('orders-dag', 'team-a', { type: 'airflow-dag' }),
  component('billing-etl', 'team-a', { system: 'billing' }),
  component('plain-service', 'team-a', { annotated: false }),
  component('other-team-job', 'team-b'),
];

/** Levels per entity name and environment; `slow` answers after the test's deadline. */
function fakeViews(
  levels: Map<string, string>,
  slow = new Set<string>(),
): EntityViewService {
  return {
    run: jest.fn(async (_view: string, req: any) => {
      const env = req.envs[0];
      const key = `${req.entity.metadata.name}/${env}`;
      if (slow.has(key)) {
        await new Promise(r => setTimeout(r, 500));
      }
      const level = levels.get(key) ?? 'healthy';
      return {
        entityRef: '',
        environments: [
          {
            env,
            status: 'ok',
            data: {
              areas: {
                metrics: { level: 'healthy', reason: 'fine' },
                runs: { level, reason: `runs are ${level}` },
              },
            },
          },
        ],
      };
    }),
  } as unknown as EntityViewService;
}

async function app(options: {
  views: EntityViewService;
  entities?: Entity[];
  maxEntities?: number;
  deadlineMs?: number;
  catalog?: any;
  retryPauseMs?: number;
}) {
  const catalog =
    options.catalog ??
    catalogServiceMock({ entities: options.entities ?? ENTITIES });
  const router = await createFleetRouter({
    httpAuth: mockServices.httpAuth(),
    userInfo: mockServices.userInfo({
      ownershipEntityRefs: ['user:default/mock', 'group:default/team-a'],
    }),
    environments: ENVS,
    fleet: new FleetService({
      catalog,
      views: options.views,
      limits: {
        maxConcurrentEntities: 4,
        maxEntities: options.maxEntities ?? 1000,
        deadlineMs: options.deadlineMs ?? 2000,
        cellRetryPauseMs: options.retryPauseMs ?? 1,
      },
    }),
  });
  const server = express().use(router);
  server.use(
    MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger: mockServices.logger.mock(),
    }).error(),
  );
  return server;
}

describe('GET /v1/fleet', () => {
  it("defaults to the caller's groups, keeps annotated entities only and sorts worst first", async () => {
    const views = fakeViews(
      new Map([
        ['orders-dag/prod', 'critical'],
        ['billing-etl/dev', 'warning'],
      ]),
    );
    const res = await request(await app({ views })).get('/v1/fleet');
    expect(res.status).toBe(200);
    expect(res.body.owners).toEqual(['group:default/team-a']);
    expect(res.body.rows.map((r: any) => r.entityRef)).toEqual([
      'component:default/orders-dag',
      'component:default/billing-etl',
      'component:default/orders-etl',
    ]);
    expect(res.body.rows[0].cells[1]).toEqual({
      env: 'prod',
      level: 'critical',
      word: 'Critical',
      reason: 'runs: runs are critical',
      area: 'runs',
      computedAt: expect.any(String),
    });
    expect(res.body.counts).toEqual({ critical: 1, warning: 1, healthy: 4 });
  });

  it('filters by owner, type and system', async () => {
    const server = await app({ views: fakeViews(new Map()) });
    const byOwner = await request(server).get(
      '/v1/fleet?owner=group:default/team-b',
    );
    expect(byOwner.body.rows.map((r: any) => r.title)).toEqual([
      'other-team-job',
    ]);
    const byType = await request(server).get('/v1/fleet?type=airflow-dag');
    expect(byType.body.rows.map((r: any) => r.title)).toEqual(['orders-dag']);
    const bySystem = await request(server).get('/v1/fleet?system=billing');
    expect(bySystem.body.rows.map((r: any) => r.title)).toEqual([
      'billing-etl',
    ]);
  });

  it('asks the catalog with the caller credentials, so hidden entities never appear', async () => {
    const visible = catalogServiceMock({ entities: ENTITIES.slice(0, 1) });
    const queryEntities = jest.fn((req: any, opts: any) =>
      visible.queryEntities(req, opts),
    );
    const res = await request(
      await app({
        views: fakeViews(new Map()),
        catalog: { queryEntities },
      }),
    ).get('/v1/fleet');
    expect(res.body.rows.map((r: any) => r.title)).toEqual(['orders-etl']);
    expect(queryEntities.mock.calls[0][1].credentials).toEqual(
      mockCredentials.user(),
    );
  });

  it('answers partially and names the pending cells', async () => {
    const res = await request(
      await app({
        views: fakeViews(new Map(), new Set(['orders-etl/prod'])),
        deadlineMs: 50,
      }),
    ).get('/v1/fleet?env=prod');
    const row = res.body.rows.find((r: any) => r.title === 'orders-etl');
    expect(row.pending).toEqual(['prod']);
    expect(row.cells).toEqual([]);
  });

  it('computes a pending cell once however often the page asks, and serves it to the next poll', async () => {
    const views = fakeViews(new Map(), new Set(['orders-etl/prod']));
    const server = await app({ views, deadlineMs: 50 });
    const polls = await Promise.all([
      request(server).get('/v1/fleet?env=prod'),
      request(server).get('/v1/fleet?env=prod'),
    ]);
    for (const poll of polls) {
      expect(
        poll.body.rows.find((r: any) => r.title === 'orders-etl').pending,
      ).toEqual(['prod']);
    }
    await new Promise(r => setTimeout(r, 600));
    const later = await request(server).get('/v1/fleet?env=prod');
    expect(
      later.body.rows.find((r: any) => r.title === 'orders-etl').pending,
    ).toEqual([]);
    // One summary per entity: the two polls and the later one shared the work.
    expect(views.run).toHaveBeenCalledTimes(3);
  });

  it('computes at most the configured number of entities', async () => {
    const views = fakeViews(new Map());
    const res = await request(await app({ views, maxEntities: 2 })).get(
      '/v1/fleet',
    );
    expect(res.body.rows).toHaveLength(2);
    expect(res.body.truncated).toBe(true);
    expect(views.run).toHaveBeenCalledTimes(4);
  });

  it('lists nothing for a user in no group, without asking the catalog', async () => {
    const queryEntities = jest.fn();
    const router = await createFleetRouter({
      httpAuth: mockServices.httpAuth(),
      userInfo: mockServices.userInfo({
        ownershipEntityRefs: ['user:default/mock'],
      }),
      environments: ENVS,
      fleet: new FleetService({
        catalog: { queryEntities } as any,
        views: fakeViews(new Map()),
        limits: { maxConcurrentEntities: 1, maxEntities: 10, deadlineMs: 100 },
      }),
    });
    const res = await request(express().use(router)).get('/v1/fleet');
    expect(res.body.rows).toEqual([]);
    expect(queryEntities).not.toHaveBeenCalled();
  });

  it('serves a service caller that names the owner, and tells one that does not what is missing', async () => {
    const server = await app({ views: fakeViews(new Map()) });
    const service = mockCredentials.service.header({
      onBehalfOf: mockCredentials.service('plugin:reports'),
      targetPluginId: 'test',
    });
    const named = await request(server)
      .get('/v1/fleet?owner=group:default/team-b')
      .set('authorization', service);
    expect(named.status).toBe(200);
    expect(named.body.rows.map((r: any) => r.title)).toEqual([
      'other-team-job',
    ]);
    const unnamed = await request(server)
      .get('/v1/fleet')
      .set('authorization', service);
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.error.message).toContain("Missing 'owner'");
  });

  it.each([
    ['owner=not a ref', 'owner'],
    ['env=staging', 'env'],
    ['color=red', 'color'],
  ])('rejects %s with a 400 naming it', async (qs, name) => {
    const res = await request(await app({ views: fakeViews(new Map()) })).get(
      `/v1/fleet?${qs}`,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(name);
  });

  it('asks a summary once more when a source timed out, and shows what the second answer judged', async () => {
    let calls = 0;
    const views = {
      run: jest.fn(async (_view: string, req: any) => {
        const env = req.envs[0];
        calls += 1;
        const timedOut =
          req.entity.metadata.name === 'orders-etl' &&
          env === 'prod' &&
          views.run.mock.calls.filter(
            ([, r]: any) =>
              r.entity.metadata.name === 'orders-etl' && r.envs[0] === 'prod',
          ).length === 1;
        return {
          entityRef: '',
          environments: [
            {
              env,
              status: 'ok',
              data: {
                areas: {
                  metrics: { level: 'healthy', reason: 'fine' },
                  logs: timedOut
                    ? {
                        level: 'unknown',
                        reason: 'UPSTREAM_TIMEOUT: opensearch did not answer',
                        cause: 'timed-out',
                      }
                    : { level: 'warning', reason: 'error lines' },
                },
              },
            },
          ],
        };
      }),
    } as unknown as EntityViewService & { run: jest.Mock };
    const res = await request(
      await app({ views, entities: [component('orders-etl', 'team-a')] }),
    ).get('/v1/fleet');
    expect(res.status).toBe(200);
    expect(res.body.rows[0].cells).toEqual([
      expect.objectContaining({ env: 'dev', level: 'warning' }),
      expect.objectContaining({
        env: 'prod',
        level: 'warning',
        reason: 'logs: error lines',
      }),
    ]);
    // Two environments plus the one retry.
    expect(calls).toBe(3);
  });
});
