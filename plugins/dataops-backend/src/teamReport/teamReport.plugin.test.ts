import {
  TestDatabases,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  BackstageCredentials,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import type { TeamReportResponse } from '@dataops-observability/plugin-dataops-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import request from 'supertest';
import { dataopsPlugin } from '../plugin';
import { EpisodeStore } from '../teams';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const THANOS = 'http://thanos-prod.test';
const DAY = 86_400_000;
const MIN = 60_000;
/** Fixed at a whole minute, so firing times fall on the range queries' one-minute steps. */
const NOW = Math.floor(Date.now() / MIN) * MIN;
const DAYS = 7;

const group = (name: string, parent?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [], ...(parent ? { parent } : {}) },
});

const owned = (
  kind: 'Component' | 'Resource',
  name: string,
  owner: string,
  type: string,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: {
    name,
    namespace: 'default',
    annotations: {
      'dataops.io/environments': 'prod',
      'dataops.io/prometheus-selector': `namespace="spark",app="${name}"`,
    },
  },
  spec: { type, owner, lifecycle: 'production' },
  relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
});

const ETL = 'component:default/daily-sales-etl';
const NO_SLI = 'component:default/orders-dag';
const HIDDEN = 'resource:default/sales-orders';
const OTHER_TEAM = 'component:default/platform-job';

const ENTITIES: Entity[] = [
  group('data-engineering'),
  group('sales-data', 'data-engineering'),
  group('platform'),
  owned('Component', 'daily-sales-etl', 'sales-data', 'spark-job'),
  // A type without any SLI template: its incidents can not be measured.
  owned('Component', 'orders-dag', 'data-engineering', 'custom-thing'),
  owned('Resource', 'sales-orders', 'sales-data', 'spark-job'),
  owned('Component', 'platform-job', 'platform', 'spark-job'),
];

/** Users can not see `sales-orders`; the plugin's own credentials see everything. */
function hidingCatalog() {
  const all = catalogServiceMock({ entities: ENTITIES });
  const isUser = (credentials?: BackstageCredentials) =>
    (credentials?.principal as any)?.type === 'user';
  const hidden = (e: Entity | undefined) =>
    e && stringifyEntityRef(e).toLocaleLowerCase('en-US') === HIDDEN;
  return {
    ...all,
    queryEntities: async (req: any, opts: any) => {
      const res = await all.queryEntities(req, opts);
      return isUser(opts?.credentials)
        ? { ...res, items: res.items.filter(e => !hidden(e)) }
        : res;
    },
    getEntitiesByRefs: async (req: any, opts: any) => {
      const res = await all.getEntitiesByRefs(req, opts);
      return isUser(opts?.credentials)
        ? { items: res.items.map(e => (hidden(e) ? undefined : e)) }
        : res;
    },
  };
}

/** Minutes the SLI was bad before a firing: 7 in this period, 3 in the previous one. */
const BAD_MINUTES_NOW = 7;
const BAD_MINUTES_BEFORE = 3;
const rangeQueries: string[] = [];

/**
 * A Prometheus stand-in: 9,995 good of 10,000 events over the SLO period (half the 0.1% budget left), and
 * for the detection queries (one-minute steps) an error ratio above the budget for the last few minutes
 * before the end of the range.
 */
const msw = setupServer(
  http.post(`${THANOS}/api/v1/:endpoint`, async ({ params, request: req }) => {
    const form = new URLSearchParams(await req.text());
    const query = form.get('query') ?? '';
    const app = /app="([^"]+)"/.exec(query)?.[1] ?? '';
    if (params.endpoint === 'query') {
      const time = Number(form.get('time'));
      let value = '0';
      if (query.startsWith('1 - (')) value = '0.0005';
      else if (query.includes('good_events_total')) value = '9995';
      else if (query.includes('all_events_total')) value = '10000';
      return HttpResponse.json({
        status: 'success',
        data: {
          resultType: 'vector',
          result: [{ metric: { app }, value: [time, value] }],
        },
      });
    }
    if (params.endpoint === 'query_range') {
      const from = Number(form.get('start'));
      const end = Number(form.get('end'));
      const step = Number(form.get('step'));
      const values: Array<[number, string]> = [];
      if (step === 60) {
        rangeQueries.push(query);
        const bad =
          end * 1000 >= NOW - DAYS * DAY ? BAD_MINUTES_NOW : BAD_MINUTES_BEFORE;
        for (let t = from; t <= end; t += step) {
          values.push([t, end - t < bad * 60 ? '0.4' : '0']);
        }
      }
      return HttpResponse.json({
        status: 'success',
        data: {
          resultType: 'matrix',
          result: values.length ? [{ metric: {}, values }] : [],
        },
      });
    }
    return HttpResponse.json({ status: 'success', data: [] });
  }),
);

beforeAll(() => msw.listen({ onUnhandledRequest: 'bypass' }));
afterEach(() => {
  msw.resetHandlers();
  rangeQueries.length = 0;
});
afterAll(() => msw.close());

async function start(options?: { extraIncidents?: number }) {
  const knex = await databases.init('SQLITE_3');
  await EpisodeStore.migrate(knex);
  const store = new EpisodeStore(knex);
  let n = 0;
  const fire = async (
    entityRef: string,
    alertname: string,
    firedAt: number,
    minutes?: number,
    owner = 'group:default/sales-data',
  ) => {
    n += 1;
    const seen = {
      fingerprint: `fp${n}`,
      alertname,
      entityRef,
      owner,
      priority: 'P1' as const,
      severity: 'critical',
      firedAt,
      suppressed: false,
    };
    await store.applyPoll('prod', [seen], firedAt);
    if (minutes !== undefined) {
      // Not listed any more: the episode resolves at this poll's time.
      await store.applyPoll('prod', [], firedAt + minutes * MIN);
    }
  };
  // This period: three incidents of the visible SLI entity (10, 20, 30 minutes to recover), one of an
  // entity without SLI, one of the hidden entity and one of another team.
  await fire(ETL, 'SparkJobFailing', NOW - 1 * DAY, 10);
  await fire(ETL, 'SparkJobFailing', NOW - 2 * DAY, 20);
  await fire(ETL, 'SloFastBurn', NOW - 3 * DAY, 30);
  await fire(
    NO_SLI,
    'DagLate',
    NOW - 4 * DAY,
    40,
    'group:default/data-engineering',
  );
  await fire(HIDDEN, 'SecretTableAlert', NOW - 1 * DAY, 5);
  await fire(
    OTHER_TEAM,
    'PlatformAlert',
    NOW - 1 * DAY,
    5,
    'group:default/platform',
  );
  // Previous period: one incident, 60 minutes to recover.
  await fire(ETL, 'SparkJobFailing', NOW - (DAYS + 2) * DAY, 60);
  for (let i = 0; i < (options?.extraIncidents ?? 0); i++) {
    await fire(ETL, 'Flapping', NOW - 5 * DAY - i * 10 * MIN, 1);
  }

  const { server } = await startTestBackend({
    features: [
      dataopsPlugin,
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => hidingCatalog() as any,
      }),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({ send: async () => {} }),
      }),
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          dataops: {
            alertPoller: { enabled: false },
            slo: {
              templates: {
                'spark-job': {
                  id: 'test-success',
                  goodEvents: ['good_events_total'],
                  totalEvents: ['all_events_total'],
                },
              },
            },
            environments: [{ name: 'prod', thanos: { url: THANOS } }],
          },
        },
      }),
    ],
  });
  return server;
}

describe('GET /api/dataops/v1/team-report', () => {
  let originalNow: () => number;
  beforeAll(() => {
    originalNow = Date.now;
    // The report's period ends now; pin it to the whole minute the fixtures are built around.
    Date.now = () => NOW + 1000;
  });
  afterAll(() => {
    Date.now = originalNow;
  });

  it('reports budgets, incidents, MTTR, MTTD, noisiest alerts and the trend of a group and its sub-groups', async () => {
    const server = await start();
    const res = await request(server).get(
      `/api/dataops/v1/team-report?owner=group:default/data-engineering&days=${DAYS}`,
    );
    expect(res.status).toBe(200);
    const body: TeamReportResponse = res.body;
    expect(body.groups.sort()).toEqual([
      'group:default/data-engineering',
      'group:default/sales-data',
    ]);
    expect(body.window.days).toBe(DAYS);

    // Budgets: the sub-group's SLI entity first (least budget), the entity without SLI after it.
    expect(body.budgets.map(b => b.entityRef)).toEqual([ETL, NO_SLI]);
    const [etl, noSli] = body.budgets;
    expect(etl.cells).toHaveLength(1);
    expect(etl.cells[0]).toMatchObject({ env: 'prod', state: 'ok' });
    expect(etl.cells[0].remainingFraction).toBeCloseTo(0.5, 5);
    expect(noSli.cells[0]).toMatchObject({ state: 'no-slo', word: 'No SLO' });

    // Incidents and trend: 4 now (3 + 1 without SLI), 1 before.
    expect(body.incidents).toEqual({
      current: 4,
      previous: 1,
      delta: 3,
      open: 0,
    });
    // MTTR (10 + 20 + 30 + 40) / 4 = 25 min, met; previous 60 min.
    expect(body.mttr).toMatchObject({
      seconds: 25 * 60,
      previousSeconds: 60 * 60,
      deltaSeconds: -35 * 60,
      targetSeconds: 30 * 60,
      verdict: 'met',
      count: 4,
    });
    // MTTD from the stand-in's bad windows: 7 min now (missed), 3 min before; the entity without SLI is
    // counted as not measurable, not averaged.
    expect(body.mttd).toMatchObject({
      seconds: (BAD_MINUTES_NOW - 1) * 60,
      previousSeconds: (BAD_MINUTES_BEFORE - 1) * 60,
      deltaSeconds: (BAD_MINUTES_NOW - BAD_MINUTES_BEFORE) * 60,
      targetSeconds: 5 * 60,
      verdict: 'missed',
      count: 3,
      notMeasurable: 1,
      notMeasured: 0,
      notMeasurableReasons: [{ reason: 'the entity has no SLI', count: 1 }],
    });
    // One range query per measured incident, each the slo view's error ratio over 5 minutes.
    expect(rangeQueries).toHaveLength(4);
    expect(rangeQueries[0]).toContain('[5m]');
    expect(rangeQueries[0]).toContain('app="daily-sales-etl"');

    expect(body.noisiestAlerts).toEqual([
      {
        alertname: 'SparkJobFailing',
        episodes: 2,
        firingSeconds: 30 * 60,
        entities: 1,
      },
      {
        alertname: 'DagLate',
        episodes: 1,
        firingSeconds: 40 * 60,
        entities: 1,
      },
      {
        alertname: 'SloFastBurn',
        episodes: 1,
        firingSeconds: 30 * 60,
        entities: 1,
      },
    ]);

    // Entities the caller may not read, and other teams', never appear.
    const text = JSON.stringify(body);
    expect(text).not.toContain('sales-orders');
    expect(text).not.toContain('SecretTableAlert');
    expect(text).not.toContain('platform');

    // A repeat report reuses the measured detection times: only the unmeasurable incident is tried again.
    const again = await request(server).get(
      `/api/dataops/v1/team-report?owner=group:default/data-engineering&days=${DAYS}`,
    );
    expect(again.body.mttd.seconds).toBe(body.mttd.seconds);
    expect(rangeQueries).toHaveLength(4);
  });

  it('measures at most 25 incidents per period, newest first, and says how many were left out', async () => {
    const server = await start({ extraIncidents: 27 });
    const res = await request(server).get(
      `/api/dataops/v1/team-report?owner=group:default/sales-data&days=${DAYS}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.groups).toEqual(['group:default/sales-data']);
    expect(res.body.incidents.current).toBe(30);
    expect(res.body.mttd).toMatchObject({
      maxMeasured: 25,
      notMeasured: 5,
      count: 25,
      notMeasurable: 0,
    });
    // 25 of this period and the 1 of the previous one.
    expect(rangeQueries).toHaveLength(26);
    expect(res.body.noisiestAlerts[0]).toMatchObject({
      alertname: 'Flapping',
      episodes: 27,
    });
  });

  it.each([
    ['days=0', 'days'],
    ['days=91', 'days'],
    ['days=abc', 'days'],
    ['days=7&days=8', 'days'],
    ['verbose=1', 'verbose'],
  ])('answers 400 naming the parameter for %s', async (query, name) => {
    const server = await start();
    const res = await request(server).get(
      `/api/dataops/v1/team-report?owner=group:default/sales-data&${query}`,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(name);
  });

  it('answers 400 for a malformed owner and 404 for an unknown group', async () => {
    const server = await start();
    const missing = await request(server).get('/api/dataops/v1/team-report');
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('owner');
    const bad = await request(server).get(
      '/api/dataops/v1/team-report?owner=component:default/daily-sales-etl',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('owner');
    const unknown = await request(server).get(
      '/api/dataops/v1/team-report?owner=group:default/ghosts',
    );
    expect(unknown.status).toBe(404);
  });
});
