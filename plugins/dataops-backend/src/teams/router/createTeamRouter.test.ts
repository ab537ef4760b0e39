import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  TestDatabases,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type {
  IncidentsResponse,
  TeamAlertsResponse,
} from '@dataops-observability/plugin-dataops-common';
import request from 'supertest';
import { parse } from 'yaml';
import { EpisodeStore } from '../incidents';
import { dataopsPlugin } from '../../plugin';
import {
  OWNERSHIP_ENTITIES,
  SpawnedServer,
  createSilence,
  startAlertmanager,
  testAlert,
} from '../../__testUtils__';

const run = promisify(execFile);
jest.setTimeout(180_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const SALES = 'group:default/sales-data';
const MARKETING = 'group:default/marketing-analytics';
const PARENT = 'group:default/data-engineering';
const PLATFORM = 'group:default/platform';
const DAY = 86_400_000;

describe('team alert routes', () => {
  let am: SpawnedServer & { postAlerts(alerts: unknown[]): Promise<void> };
  let server: any;
  let silenceId: string;
  const now = Date.now();

  beforeAll(async () => {
    am = await startAlertmanager();
    silenceId = await createSilence(am.url, [
      { name: 'alertname', value: 'SparkJobSlow' },
    ]);
    const spark = { namespace: 'spark', app: 'daily-sales-etl' };
    await am.postAlerts([
      testAlert(
        { alertname: 'SparkJobFailing', severity: 'critical', ...spark },
        { startsAt: now - 600_000 },
      ),
      testAlert(
        { alertname: 'SparkJobSlow', severity: 'high', ...spark },
        { startsAt: now - 300_000 },
      ),
      testAlert(
        {
          alertname: 'DagSlow',
          severity: 'warning',
          namespace: 'airflow',
          app: 'marketing-attribution',
        },
        { startsAt: now - 120_000 },
      ),
      testAlert(
        {
          alertname: 'NodeDown',
          severity: 'critical',
          namespace: 'spark',
          app: 'n1',
        },
        { startsAt: now - 60_000 },
      ),
      testAlert({ alertname: 'Watchdog', severity: 'none' }, { startsAt: now }),
    ]);

    const knex = await databases.init('SQLITE_3');
    await EpisodeStore.migrate(knex);
    const store = new EpisodeStore(knex);
    const episode = (
      fingerprint: string,
      entityRef: string,
      owner: string,
      priority: 'P1' | 'P3',
      firedAt: number,
    ) => ({
      fingerprint,
      alertname: `A${fingerprint}`,
      entityRef,
      owner,
      priority,
      severity: priority === 'P1' ? 'critical' : 'warning',
      firedAt,
      suppressed: false,
    });
    // Two sales incidents of 10 and 30 minutes two days ago, one marketing incident still open.
    await store.applyPoll(
      'dev',
      [
        episode(
          's1',
          'component:default/daily-sales-etl',
          SALES,
          'P1',
          now - 2 * DAY,
        ),
        episode(
          's2',
          'resource:default/sales-orders',
          SALES,
          'P3',
          now - 2 * DAY,
        ),
        episode(
          'm1',
          'component:default/marketing-attribution',
          MARKETING,
          'P3',
          now - DAY,
        ),
      ],
      now - 2 * DAY,
    );
    await store.applyPoll(
      'dev',
      [
        episode(
          's2',
          'resource:default/sales-orders',
          SALES,
          'P3',
          now - 2 * DAY,
        ),
        episode(
          'm1',
          'component:default/marketing-attribution',
          MARKETING,
          'P3',
          now - DAY,
        ),
      ],
      now - 2 * DAY + 600_000,
    );
    await store.applyPoll(
      'dev',
      [
        episode(
          'm1',
          'component:default/marketing-attribution',
          MARKETING,
          'P3',
          now - DAY,
        ),
      ],
      now - 2 * DAY + 1_800_000,
    );

    ({ server } = await startTestBackend({
      features: [
        dataopsPlugin,
        catalogServiceMock.factory({ entities: OWNERSHIP_ENTITIES }),
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({
          data: {
            dataops: {
              alertPoller: { enabled: false },
              environments: [
                { name: 'dev', timeoutMs: 5000, alertmanager: { url: am.url } },
                { name: 'stage' },
              ],
            },
          },
        }),
      ],
    }));
  });

  afterAll(async () => {
    await am?.stop();
  });

  const get = (path: string) => request(server).get(`/api/dataops${path}`);

  describe('GET /v1/alerts', () => {
    it.each([
      ['', /owner/],
      ['?owner=user:default/ana', /expected a group ref.*kind 'user'/],
      ['?owner=group:default/', /Invalid owner/],
      [`?owner=${SALES}&env=dev`, /Unknown query parameter\(s\): 'env'/],
    ])('answers 400 for %s', async (query, message) => {
      const res = await get(`/v1/alerts${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    });

    it('answers 404 for a group the catalog does not know', async () => {
      const res = await get('/v1/alerts?owner=group:default/ghosts');
      expect(res.status).toBe(404);
    });

    it("shows a team only its own entities' alerts, by priority, with silenced ones marked", async () => {
      const res = await get(`/v1/alerts?owner=${SALES}`);
      expect(res.status).toBe(200);
      const body: TeamAlertsResponse = res.body;
      expect(body.groups).toEqual([SALES]);
      expect(body.entities.map(e => e.entityRef)).toEqual([
        'component:default/daily-sales-etl',
      ]);
      const byPriority = body.entities[0].alertsByPriority;
      expect(byPriority.P1.map(a => [a.name, a.state, a.env])).toEqual([
        ['SparkJobFailing', 'active', 'dev'],
      ]);
      expect(byPriority.P2.map(a => [a.name, a.state, a.silencedBy])).toEqual([
        ['SparkJobSlow', 'suppressed', [silenceId]],
      ]);
      expect(body.counts).toEqual({ P1: 1, P2: 0, P3: 0, P4: 0 });
      expect(body.suppressed).toBe(1);
      expect(body.environments).toEqual([
        { env: 'dev', status: 'ok' },
        { env: 'stage', status: 'not-configured', source: 'alertmanager' },
      ]);
    });

    it('lets a parent group see its child groups, never other teams or heartbeats', async () => {
      const res = await get(`/v1/alerts?owner=${PARENT}`);
      expect(res.status).toBe(200);
      const body: TeamAlertsResponse = res.body;
      expect([...body.groups].sort()).toEqual(
        [PARENT, MARKETING, SALES].sort(),
      );
      expect(body.entities.map(e => [e.entityRef, e.owner])).toEqual([
        ['component:default/daily-sales-etl', SALES],
        ['component:default/marketing-attribution', MARKETING],
      ]);
      expect(body.counts).toEqual({ P1: 1, P2: 0, P3: 1, P4: 0 });
      const names = JSON.stringify(body);
      expect(names).not.toContain('NodeDown');
      expect(names).not.toContain('Watchdog');

      const platform: TeamAlertsResponse = (
        await get(`/v1/alerts?owner=${PLATFORM}`)
      ).body;
      expect(platform.entities.map(e => e.entityRef)).toEqual([
        'component:default/spark-platform',
      ]);
    });
  });

  describe('GET /v1/incidents', () => {
    it.each([
      ['', /owner/],
      ['?owner=component:default/x', /expected a group ref/],
      [`?owner=${SALES}&entity=:`, /Invalid 'entity'/],
      [`?owner=${SALES}&days=0`, /Invalid 'days'.*between 1 and 90/],
      [`?owner=${SALES}&days=abc`, /Invalid 'days'/],
    ])('answers 400 for %s', async (query, message) => {
      const res = await get(`/v1/incidents${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    });

    it('answers 404 for an entity the group does not own', async () => {
      const res = await get(
        `/v1/incidents?owner=${SALES}&entity=component:default/marketing-attribution`,
      );
      expect(res.status).toBe(404);
    });

    it('computes incidents, MTTR and firing time per team and per entity', async () => {
      const body: IncidentsResponse = (
        await get(`/v1/incidents?owner=${SALES}`)
      ).body;
      expect(body.window.days).toBe(30);
      expect(body.total).toEqual({
        incidents: 2,
        open: 0,
        mttrSeconds: (600 + 1800) / 2,
        firingSecondsByPriority: { P1: 600, P2: 0, P3: 1800, P4: 0 },
      });
      expect(
        body.byEntity.map(e => [e.entityRef, e.incidents, e.mttrSeconds]),
      ).toEqual([
        ['component:default/daily-sales-etl', 1, 600],
        ['resource:default/sales-orders', 1, 1800],
      ]);
      expect(body.weekly.reduce((n, w) => n + w.incidents, 0)).toBe(2);
      expect(body.weekly.length).toBeGreaterThanOrEqual(5);
      expect(body.recent.map(e => e.alertname).sort()).toEqual(['As1', 'As2']);

      const parent: IncidentsResponse = (
        await get(`/v1/incidents?owner=${PARENT}`)
      ).body;
      expect(parent.total.incidents).toBe(3);
      expect(parent.total.open).toBe(1);

      const one: IncidentsResponse = (
        await get(
          `/v1/incidents?owner=${PARENT}&entity=resource:default/sales-orders&days=7`,
        )
      ).body;
      expect(one.entityRef).toBe('resource:default/sales-orders');
      expect(one.total.incidents).toBe(1);
      expect(one.recent[0]).toMatchObject({
        env: 'dev',
        durationSeconds: 1800,
        priority: 'P3',
      });
    });
  });

  describe('GET /v1/alert-receivers', () => {
    it('answers 400 for a bad owner and 404 for an unknown group', async () => {
      expect((await get('/v1/alert-receivers')).status).toBe(400);
      expect(
        (await get('/v1/alert-receivers?owner=user:default/ana')).status,
      ).toBe(400);
      expect(
        (await get('/v1/alert-receivers?owner=group:default/ghosts')).status,
      ).toBe(404);
    });

    it('answers one route per environment and priority, placeholders when nothing is set', async () => {
      const res = await get(`/v1/alert-receivers?owner=${SALES}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        owner: SALES,
        environments: ['dev', 'stage'],
        pagingEnvironments: [],
      });
      expect(res.body.routes).toHaveLength(8);
      expect(res.body.routes[0]).toEqual({
        env: 'dev',
        priority: 'P1',
        targets: [],
        receiver: SALES,
        source: 'placeholder',
      });
    });
  });

  describe('GET /v1/alert-routing', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'dataops-routing-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('answers 400 for an env without an Alertmanager', async () => {
      const res = await get('/v1/alert-routing?env=stage');
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(
        /Invalid 'env' 'stage': not a configured environment with an Alertmanager/,
      );
    });

    it('answers 400 for query parameters it does not take', async () => {
      const res = await get('/v1/alert-routing?owner=x');
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(
        /Unknown query parameter\(s\): 'owner'/,
      );
    });

    it('serves a routing tree that amtool accepts and that routes each team to its receiver', async () => {
      const res = await get('/v1/alert-routing');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/yaml/);
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="alertmanager-routes.yaml"',
      );
      const file = join(dir, 'alertmanager.yml');
      await writeFile(file, res.text);
      const check = await run('amtool', ['check-config', file]);
      expect(check.stdout).toMatch(/SUCCESS/);

      const route = async (...labels: string[]) =>
        (
          await run('amtool', [
            'config',
            'routes',
            'test',
            `--config.file=${file}`,
            ...labels,
          ])
        ).stdout.trim();
      for (const team of [SALES, MARKETING, PLATFORM]) {
        expect(await route(`owner=${team}`, 'priority=P1', 'alertname=X')).toBe(
          team,
        );
        expect(await route(`owner=${team}`, 'severity=warning')).toBe(team);
      }
      // The parent owns nothing itself, so it has no route of its own.
      expect(await route(`owner=${PARENT}`)).toBe('dataops-unowned');
      expect(await route('alertname=Watchdog', `owner=${SALES}`)).toBe('null');

      const tree = parse(res.text);
      const sales = tree.route.routes.find((r: any) => r.receiver === SALES);
      const timing = (p: string) =>
        sales.routes.find((r: any) => r.matchers[0] === `priority="${p}"`);
      expect(timing('P1')).toMatchObject({
        group_wait: '10s',
        repeat_interval: '15m',
      });
      expect(timing('P4')).toMatchObject({ repeat_interval: '24h' });
      expect(tree.receivers.map((r: any) => r.name).sort()).toEqual(
        ['null', 'dataops-unowned', MARKETING, PLATFORM, SALES].sort(),
      );
    });
  });
});
