import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import {
  SpawnedServer,
  createAlertPollerFixture,
  createSilence,
  freePort,
  startAlertmanager,
  testAlert,
} from '../../__testUtils__';
import { AlertPoller } from './AlertPoller';
import { EpisodeStore } from './EpisodeStore';
import { computeIncidents } from './computeIncidents';

jest.setTimeout(180_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('AlertPoller against a real Alertmanager', () => {
  let am: SpawnedServer & { postAlerts(alerts: unknown[]): Promise<void> };
  let store: EpisodeStore;
  let poller: AlertPoller;
  const logger = mockServices.logger.mock();

  beforeAll(async () => {
    am = await startAlertmanager();
    const fixture = await createAlertPollerFixture(databases, [
      { name: 'dev', timeoutMs: 5000, alertmanager: { url: am.url } },
      {
        name: 'prod',
        timeoutMs: 2000,
        // Nothing listens here: prod's Alertmanager is down.
        alertmanager: { url: `http://127.0.0.1:${await freePort()}` },
      },
    ]);
    store = fixture.store;
    poller = fixture.createPoller({ logger });
  });

  afterAll(async () => {
    await am?.stop();
  });

  const everyone = [
    'group:default/data-engineering',
    'group:default/sales-data',
    'group:default/marketing-analytics',
    'group:default/platform',
  ];

  const sparkFailing = {
    alertname: 'SparkJobFailing',
    namespace: 'spark',
    app: 'daily-sales-etl',
    severity: 'critical',
  };

  it('records episodes, resolves them, respects silences and keeps unreachable environments open', async () => {
    const t0 = Date.now();
    await am.postAlerts([
      testAlert(sparkFailing, { startsAt: t0 - 600_000 }),
      testAlert(
        {
          alertname: 'TableStale',
          backstage_entity: 'resource:default/sales-orders',
          severity: 'warning',
        },
        { startsAt: t0 - 300_000 },
      ),
      testAlert(
        {
          alertname: 'DagSlow',
          namespace: 'airflow',
          app: 'marketing-attribution',
          severity: 'warning',
        },
        { startsAt: t0 - 120_000 },
      ),
      testAlert(
        {
          alertname: 'NodeDown',
          namespace: 'spark',
          app: 'x',
          severity: 'info',
        },
        { startsAt: t0 - 60_000 },
      ),
      testAlert({ alertname: 'Watchdog', severity: 'none' }, { startsAt: t0 }),
      testAlert(
        // Not critical: the test Alertmanager inhibits warnings on critical alerts with the same app.
        { alertname: 'Orphan', namespace: 'nobody', severity: 'high' },
        { startsAt: t0 },
      ),
    ]);

    const first = await poller.poll(t0);
    expect(first.prod).toEqual({ error: expect.stringMatching(/.+/) });
    expect(first.dev).toMatchObject({ resolved: 0 });
    const opened = (first.dev as any).opened as any[];
    expect(
      opened.map(e => [e.alertname, e.entityRef, e.owner, e.priority]).sort(),
    ).toEqual([
      [
        'DagSlow',
        'component:default/marketing-attribution',
        'group:default/marketing-analytics',
        'P3',
      ],
      [
        'NodeDown',
        'component:default/spark-platform',
        'group:default/platform',
        'P4',
      ],
      // The two-matcher selector of daily-sales-etl wins over spark-platform's namespace-only one.
      [
        'SparkJobFailing',
        'component:default/daily-sales-etl',
        'group:default/sales-data',
        'P1',
      ],
      [
        'TableStale',
        'resource:default/sales-orders',
        'group:default/sales-data',
        'P3',
      ],
    ]);
    const spark = opened.find(e => e.alertname === 'SparkJobFailing');
    expect(spark.firedAt).toBe(t0 - 600_000);

    // A second poll while nothing changed opens nothing new.
    const again = await poller.poll(t0 + 30_000);
    expect(again.dev).toEqual({ opened: [], resolved: 0 });

    // Prometheus resolves an alert by re-sending it with endsAt in the past.
    const t1 = Date.now();
    await am.postAlerts([
      testAlert(sparkFailing, { startsAt: t0 - 600_000, endsAt: t1 - 1000 }),
    ]);
    const resolved = await poller.poll(t1);
    expect(resolved.dev).toEqual({ opened: [], resolved: 1 });

    // A silenced alert pages nobody, so it opens no episode.
    const silence = await createSilence(am.url, [
      { name: 'alertname', value: 'MaintenanceNoise' },
    ]);
    expect(silence).toMatch(/.+/);
    await am.postAlerts([
      testAlert(
        { ...sparkFailing, alertname: 'MaintenanceNoise' },
        { startsAt: t1 - 10_000 },
      ),
    ]);
    const silenced = await poller.poll(t1 + 1000);
    expect(silenced.dev).toEqual({ opened: [], resolved: 0 });

    const sales = await store.list({
      owners: ['group:default/sales-data'],
      since: t0 - 3_600_000,
    });
    expect(sales.map(e => e.alertname).sort()).toEqual([
      'SparkJobFailing',
      'TableStale',
    ]);
    const sparkEpisode = sales.find(e => e.alertname === 'SparkJobFailing')!;
    // Alertmanager no longer lists a resolved alert, so the poll that missed it closes the episode.
    expect(sparkEpisode.resolvedAt).toBe(t1);
    expect(sales.find(e => e.alertname === 'TableStale')!.resolvedAt).toBe(
      undefined,
    );

    const incidents = computeIncidents({
      owner: 'group:default/sales-data',
      groups: ['group:default/sales-data'],
      episodes: sales,
      now: t1 + 1000,
      days: 30,
    });
    expect(incidents.total.incidents).toBe(2);
    expect(incidents.total.open).toBe(1);
    expect(incidents.total.mttrSeconds).toBe(
      Math.round((t1 - (t0 - 600_000)) / 1000),
    );
    expect(incidents.total.firingSecondsByPriority.P1).toBe(
      Math.round((t1 - (t0 - 600_000)) / 1000),
    );

    // Every episode belongs to a known team; heartbeats and unowned alerts left no trace.
    const all = await store.list({ owners: everyone, since: 0 });
    expect(all.map(e => e.alertname)).not.toContain('Watchdog');
    expect(all.map(e => e.alertname)).not.toContain('Orphan');
    expect(all.every(e => e.env === 'dev')).toBe(true);
  });

  it('does not resolve the open episodes of an environment whose Alertmanager is down', async () => {
    const now = Date.now();
    await store.applyPoll(
      'prod',
      [
        {
          fingerprint: 'abc',
          alertname: 'ProdDown',
          entityRef: 'component:default/daily-sales-etl',
          owner: 'group:default/sales-data',
          priority: 'P1',
          severity: 'critical',
          firedAt: now - 60_000,
          suppressed: false,
        },
      ],
      now - 30_000,
    );
    const result = await poller.poll(now);
    expect(result.prod).toHaveProperty('error');
    const prod = (await store.list({ owners: everyone, since: 0 })).filter(
      e => e.env === 'prod',
    );
    expect(prod).toHaveLength(1);
    expect(prod[0].resolvedAt).toBeUndefined();
  });
});
