import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import { EpisodeObservation, EpisodeStore } from './EpisodeStore';

// PostgreSQL runs as a service next to the tests; CI may point the variable elsewhere.
process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??=
  'postgresql://postgres@127.0.0.1:5432';

jest.setTimeout(120_000);

const IDS = ['POSTGRES_15', 'SQLITE_3'] as const;
const databases = TestDatabases.create({ ids: [...IDS] });

const observation = (
  fingerprint: string,
  firedAt: number,
  extra: Partial<EpisodeObservation> = {},
): EpisodeObservation => ({
  fingerprint,
  alertname: `Alert${fingerprint}`,
  entityRef: 'component:default/daily-sales-etl',
  owner: 'group:default/sales-data',
  priority: 'P2',
  severity: 'high',
  firedAt,
  suppressed: false,
  ...extra,
});

describe.each(IDS)('EpisodeStore on %s', id => {
  it('migrates up and down and records episodes with exact millisecond times', async () => {
    // Fails, rather than skips, when the database is unreachable: init connects right away.
    const knex = await databases.init(id);
    await EpisodeStore.migrate(knex);
    expect(await knex.schema.hasTable('dataops_alert_episodes')).toBe(true);
    const store = new EpisodeStore(knex);

    const t = Date.UTC(2026, 0, 5, 10, 0, 0, 123);
    const first = await store.applyPoll(
      'dev',
      [
        observation('a', t - 1000),
        observation('b', t - 500, { suppressed: true }),
        observation('c', t - 200, { endedAt: t - 100 }),
      ],
      t,
    );
    expect(first.opened.map(e => [e.fingerprint, e.firedAt, e.id > 0])).toEqual(
      [['a', t - 1000, true]],
    );

    // Still listed: stays open. A different env never touches dev's episodes.
    await store.applyPoll('dev', [observation('a', t - 1000)], t + 30_000);
    await store.applyPoll('prod', [], t + 30_000);
    let rows = await store.list({
      owners: ['group:default/sales-data'],
      since: 0,
    });
    expect(rows).toHaveLength(1);
    expect(rows[0].resolvedAt).toBeUndefined();

    // Gone from Alertmanager: resolved at the poll that missed it.
    const gone = await store.applyPoll('dev', [], t + 60_000);
    expect(gone.resolved).toBe(1);
    rows = await store.list({ owners: ['group:default/sales-data'], since: 0 });
    expect(rows[0]).toMatchObject({
      env: 'dev',
      fingerprint: 'a',
      firedAt: t - 1000,
      resolvedAt: t + 60_000,
      priority: 'P2',
    });

    // Fires again: a new episode. Then listed with endsAt in the past: resolved at endsAt.
    await store.applyPoll('dev', [observation('a', t + 90_000)], t + 90_000);
    await store.applyPoll(
      'dev',
      [observation('a', t + 90_000, { endedAt: t + 95_000 })],
      t + 120_000,
    );
    rows = await store.list({ owners: ['group:default/sales-data'], since: 0 });
    expect(rows.map(r => [r.firedAt, r.resolvedAt])).toEqual([
      [t + 90_000, t + 95_000],
      [t - 1000, t + 60_000],
    ]);
    // The window keeps episodes that started before it but ended inside it, and filters by owner.
    expect(
      await store.list({
        owners: ['group:default/sales-data'],
        since: t + 70_000,
      }),
    ).toHaveLength(1);
    expect(
      await store.list({ owners: ['group:default/platform'], since: 0 }),
    ).toEqual([]);

    await knex.migrate.rollback(
      {
        directory: resolvePackagePath(
          '@dataops-observability/plugin-dataops-backend',
          'migrations',
        ),
      },
      true,
    );
    expect(await knex.schema.hasTable('dataops_alert_episodes')).toBe(false);
  });

  it('retention deletes only resolved episodes that ended before the cutoff', async () => {
    const knex = await databases.init(id);
    await EpisodeStore.migrate(knex);
    const store = new EpisodeStore(knex);
    const day = 24 * 60 * 60 * 1000;
    const t = Date.UTC(2026, 10, 1);

    // Long ago: 'old' and 'boundary' resolve, 'stuck' never does.
    await store.applyPoll(
      'prod',
      [
        observation('old', t - 500 * day),
        observation('boundary', t - 500 * day),
        observation('stuck', t - 500 * day),
      ],
      t - 500 * day,
    );
    await store.applyPoll(
      'prod',
      [
        observation('old', t - 500 * day, { endedAt: t - 450 * day }),
        observation('boundary', t - 500 * day, { endedAt: t - 400 * day }),
        observation('stuck', t - 500 * day),
      ],
      t - 300 * day,
    );
    // Recent: resolved yesterday.
    await store.applyPoll(
      'prod',
      [observation('recent', t - 2 * day), observation('stuck', t - 500 * day)],
      t - 2 * day,
    );
    await store.applyPoll(
      'prod',
      [observation('stuck', t - 500 * day)],
      t - day,
    );

    const deleted = await store.deleteResolvedBefore(t - 400 * day);
    expect(deleted).toBe(1);
    const rows = await store.list({
      owners: ['group:default/sales-data'],
      since: 0,
    });
    expect(rows.map(r => [r.fingerprint, r.resolvedAt ?? null]).sort()).toEqual(
      [
        ['boundary', t - 400 * day],
        ['recent', t - day],
        ['stuck', null],
      ],
    );
    expect(await store.deleteResolvedBefore(t)).toBe(2);
    expect(
      (
        await store.list({ owners: ['group:default/sales-data'], since: 0 })
      ).map(r => r.fingerprint),
    ).toEqual(['stuck']);
  });
});
