import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Entity } from '@backstage/catalog-model';
import {
  TestDatabases,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import type { TeamAlertsResponse } from '@dataops-observability/plugin-dataops-common';
import request from 'supertest';
import { dataopsPlugin } from '../../plugin';
import { AlertmanagerClient, alertmanagerSource } from '../../sources';
import {
  OWNERSHIP_ENTITIES,
  SpawnedServer,
  readConfigWithSources,
  startAlertmanager,
  testAlert,
} from '../../__testUtils__';
import { AlertPoller, EpisodeStore } from '../incidents';
import { AlertNotifier } from '../notifications';

jest.setTimeout(180_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const SALES = 'group:default/sales-data';
const PLATFORM = 'group:default/platform';

const component = (name: string, owner: string, selector: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'dataops.io/prometheus-selector': selector },
  },
  spec: { type: 'spark-job', owner, lifecycle: 'production' },
});

/** Two teams claiming the same workload with equally specific selectors, and a selector made to claim all. */
const ENTITIES: Entity[] = [
  ...OWNERSHIP_ENTITIES,
  component('loader-a', 'sales-data', 'namespace="etl",app="loader"'),
  component('loader-b', 'platform', 'app="loader",namespace="etl"'),
  component(
    'greedy',
    'platform',
    'alertname=~".+",a=~".*",b=~".*",c=~".*",severity=~".*"',
  ),
];

/** Forwards to Alertmanager and counts the alert reads, to show a shared Alertmanager is read once. */
async function countingProxy(target: string) {
  let reads = 0;
  const server: Server = createServer(async (req, res) => {
    if (req.method === 'GET' && req.url?.startsWith('/api/v2/alerts')) {
      reads += 1;
    }
    const upstream = await fetch(`${target}${req.url}`);
    res.writeHead(upstream.status, {
      'content-type': upstream.headers.get('content-type') ?? 'text/plain',
    });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    reads: () => reads,
    reset: () => {
      reads = 0;
    },
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}

describe('one real Alertmanager shared by dev, stage and prod', () => {
  let am: SpawnedServer & { postAlerts(alerts: unknown[]): Promise<void> };
  let proxy: Awaited<ReturnType<typeof countingProxy>>;
  let server: any;
  let store: EpisodeStore;
  let environments: any[];
  const now = Date.now();
  const spark = { namespace: 'spark', app: 'daily-sales-etl' };

  beforeAll(async () => {
    am = await startAlertmanager();
    proxy = await countingProxy(am.url);
    await am.postAlerts([
      testAlert(
        // Not `critical`: the test Alertmanager inhibits warnings of the same app under a critical alert.
        {
          alertname: 'SparkJobFailing',
          severity: 'error',
          priority: 'P1',
          env: 'dev',
          ...spark,
        },
        { startsAt: now - 600_000 },
      ),
      // The suite's own slow-burn SLO rule: warning, but P2 by its priority label.
      testAlert(
        {
          alertname: 'SloErrorBudgetSlowBurn',
          severity: 'warning',
          priority: 'P2',
          env: 'prod',
          ...spark,
        },
        { startsAt: now - 300_000 },
      ),
      // No env label: it belongs to the first environment configured on this Alertmanager.
      testAlert(
        { alertname: 'SparkSlow', severity: 'info', ...spark },
        { startsAt: now - 200_000 },
      ),
      // An env label naming no configured environment counts as none.
      testAlert(
        { alertname: 'SparkQa', severity: 'info', env: 'qa', ...spark },
        { startsAt: now - 100_000 },
      ),
      testAlert(
        {
          alertname: 'LoaderLag',
          severity: 'critical',
          env: 'stage',
          namespace: 'etl',
          app: 'loader',
        },
        { startsAt: now - 60_000 },
      ),
      testAlert(
        { alertname: 'Orphan', severity: 'critical', env: 'prod' },
        { startsAt: now - 60_000 },
      ),
    ]);
    const knex = await databases.init('SQLITE_3');
    await EpisodeStore.migrate(knex);
    store = new EpisodeStore(knex);
    environments = ['dev', 'stage', 'prod'].map(name => ({
      name,
      timeoutMs: 5000,
      alertmanager: { url: proxy.url },
    }));
    ({ server } = await startTestBackend({
      features: [
        dataopsPlugin,
        catalogServiceMock.factory({ entities: ENTITIES }),
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({
          data: { dataops: { alertPoller: { enabled: false }, environments } },
        }),
      ],
    }));
  });

  afterAll(async () => {
    await proxy?.close();
    await am?.stop();
  });

  const teamAlerts = async (owner: string): Promise<TeamAlertsResponse> => {
    const res = await request(server).get(
      `/api/dataops/v1/alerts?owner=${owner}`,
    );
    expect(res.status).toBe(200);
    return res.body;
  };

  it('lists each alert once, in the environment its env label names, reading the Alertmanager once', async () => {
    proxy.reset();
    const body = await teamAlerts(SALES);
    expect(proxy.reads()).toBe(1);
    const listed = body.entities.flatMap(e =>
      Object.values(e.alertsByPriority).flatMap(list =>
        list.map(a => [a.name, a.env, a.priority, e.entityRef]),
      ),
    );
    expect(listed.sort()).toEqual(
      [
        ['SparkJobFailing', 'dev', 'P1', 'component:default/daily-sales-etl'],
        [
          'SloErrorBudgetSlowBurn',
          'prod',
          'P2',
          'component:default/daily-sales-etl',
        ],
        ['SparkSlow', 'dev', 'P4', 'component:default/daily-sales-etl'],
        ['SparkQa', 'dev', 'P4', 'component:default/daily-sales-etl'],
        ['LoaderLag', 'stage', 'P1', 'component:default/loader-a'],
      ].sort(),
    );
    expect(body.counts).toEqual({ P1: 2, P2: 1, P3: 0, P4: 2 });
    expect(body.environments.map(e => e.status)).toEqual(['ok', 'ok', 'ok']);
  });

  it('shows an ambiguous alert once per team, marked with every claimant, and the greedy selector nothing', async () => {
    const sales = await teamAlerts(SALES);
    const loader = sales.entities.find(
      e => e.entityRef === 'component:default/loader-a',
    )!;
    expect(loader.alertsByPriority.P1[0].claimedBy).toEqual([
      'component:default/loader-a',
      'component:default/loader-b',
    ]);
    const platform = await teamAlerts(PLATFORM);
    expect(platform.entities.map(e => e.entityRef)).toEqual([
      'component:default/loader-b',
    ]);
    expect(JSON.stringify(platform)).not.toContain('Orphan');
    expect(JSON.stringify(platform)).not.toContain('greedy');
  });

  it('shows the entity alerts card each alert in one environment, one read per query for all three', async () => {
    proxy.reset();
    const res = await request(server).get(
      '/api/dataops/v1/entity/default/component/daily-sales-etl/alerts',
    );
    expect(res.status).toBe(200);
    const byEnv = Object.fromEntries(
      res.body.environments.map((e: any) => [
        e.env,
        e.data.alerts.map((a: any) => `${a.name}:${a.priority}`).sort(),
      ]),
    );
    expect(byEnv).toEqual({
      dev: ['SparkJobFailing:P1', 'SparkQa:P4', 'SparkSlow:P4'],
      stage: [],
      prod: ['SloErrorBudgetSlowBurn:P2'],
    });
    // One read of the whole Alertmanager, shared by the three environments (the team view's read).
    expect(proxy.reads()).toBe(1);
  });

  it("marks the ambiguous alert on both claimants' cards, in the environment its env label names", async () => {
    for (const name of ['loader-a', 'loader-b']) {
      const res = await request(server).get(
        `/api/dataops/v1/entity/default/component/${name}/alerts`,
      );
      expect(res.status).toBe(200);
      const listed = res.body.environments.flatMap((e: any) =>
        e.data.alerts.map((a: any) => [a.name, e.env, a.claimedBy]),
      );
      expect(listed).toEqual([
        [
          'LoaderLag',
          'stage',
          ['component:default/loader-a', 'component:default/loader-b'],
        ],
      ]);
    }
  });

  it('shows the greedy entity no alerts on its own card either', async () => {
    const res = await request(server).get(
      '/api/dataops/v1/entity/default/component/greedy/alerts',
    );
    expect(res.status).toBe(200);
    for (const env of res.body.environments) {
      expect(env).toMatchObject({ status: 'ok', data: { alerts: [] } });
    }
  });

  it('records one episode per alert and sends one notification per paging alert', async () => {
    const { config, sources } = readConfigWithSources({
      dataops: { environments },
    });
    const sent: NotificationSendOptions[] = [];
    const logger = mockServices.logger.mock();
    const notifier = new AlertNotifier({
      notifications: { send: async o => void sent.push(o) },
      config: { enabled: true, priorities: ['P1', 'P2'] },
      logger,
    });
    const poller = new AlertPoller({
      config,
      alertmanager: env =>
        sources.client<AlertmanagerClient>(env, alertmanagerSource),
      catalog: catalogServiceMock({ entities: ENTITIES }),
      auth: mockServices.auth(),
      store,
      logger,
      onOpened: (env, opened) => notifier.notifyOpened(env, opened),
    });
    proxy.reset();
    const result = await poller.poll(now);
    expect(proxy.reads()).toBe(1);
    expect(Object.keys(result).sort()).toEqual(['dev', 'prod', 'stage']);
    for (const changes of Object.values(result)) {
      expect(changes).not.toHaveProperty('error');
    }
    const episodes = await store.list({
      owners: [SALES, PLATFORM],
      since: now - 86_400_000,
    });
    expect(episodes.map(e => [e.alertname, e.env, e.priority]).sort()).toEqual(
      [
        ['SloErrorBudgetSlowBurn', 'prod', 'P2'],
        ['SparkJobFailing', 'dev', 'P1'],
        ['SparkQa', 'dev', 'P4'],
        ['SparkSlow', 'dev', 'P4'],
      ].sort(),
    );
    expect(sent.map(n => n.payload.title).sort()).toEqual([
      'P1 SparkJobFailing on daily-sales-etl (dev)',
      'P2 SloErrorBudgetSlowBurn on daily-sales-etl (prod)',
    ]);
    await poller.poll(now + 30_000);
    expect(sent).toHaveLength(2);
    expect(
      await store.list({ owners: [SALES, PLATFORM], since: now - 86_400_000 }),
    ).toHaveLength(4);
  });
});
