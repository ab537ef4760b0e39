import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  TestDatabases,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import type { JsonObject } from '@backstage/types';
import { EpisodeStore } from './teams';
import { dataopsPlugin } from './plugin';
import {
  OWNERSHIP_ENTITIES,
  SpawnedServer,
  startAlertmanager,
  testAlert,
} from './__testUtils__';

jest.setTimeout(180_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('dataops plugin wiring of alert notifications', () => {
  let am: SpawnedServer & { postAlerts(alerts: unknown[]): Promise<void> };

  beforeAll(async () => {
    am = await startAlertmanager();
    await am.postAlerts([
      testAlert(
        {
          alertname: 'SparkJobFailing',
          namespace: 'spark',
          app: 'daily-sales-etl',
          severity: 'critical',
        },
        { startsAt: Date.now() - 60_000 },
      ),
    ]);
  });

  afterAll(async () => {
    await am?.stop();
  });

  /** Starts the plugin; the mock scheduler runs the poller once during start-up. */
  async function start(notifications?: JsonObject) {
    const knex = await databases.init('SQLITE_3');
    // A fresh database each time, so whatever episode is found was opened by this start-up's poll.
    expect(await knex.schema.hasTable('dataops_alert_episodes')).toBe(false);
    const sent: NotificationSendOptions[] = [];
    const backend = await startTestBackend({
      features: [
        dataopsPlugin,
        catalogServiceMock.factory({ entities: OWNERSHIP_ENTITIES }),
        mockServices.database.factory({ knex }),
        mockServices.scheduler.factory({
          includeInitialDelayedTasksOnStartup: true,
        }),
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => ({
            send: async (options: NotificationSendOptions) => {
              sent.push(options);
            },
          }),
        }),
        mockServices.rootConfig.factory({
          data: {
            dataops: {
              ...(notifications ? { notifications } : {}),
              environments: [
                {
                  name: 'prod',
                  timeoutMs: 5000,
                  alertmanager: { url: am.url },
                },
              ],
            },
          },
        }),
      ],
    });
    const episodes = await new EpisodeStore(knex).list({
      owners: ['group:default/sales-data'],
      since: 0,
    });
    await backend.stop();
    return { sent, episodes };
  }

  it('sends the owners of a new P1 a notification by default', async () => {
    const { sent, episodes } = await start();
    expect(episodes.map(e => e.alertname)).toEqual(['SparkJobFailing']);
    expect(sent).toEqual([
      expect.objectContaining({
        recipients: { type: 'entity', entityRef: 'group:default/sales-data' },
        payload: expect.objectContaining({
          title: 'P1 SparkJobFailing on daily-sales-etl (prod)',
          description: 'SparkJobFailing fired',
        }),
      }),
    ]);
  });

  it('sends nothing when dataops.notifications.enabled is false', async () => {
    const { sent, episodes } = await start({ enabled: false });
    expect(episodes.map(e => e.alertname)).toEqual(['SparkJobFailing']);
    expect(sent).toEqual([]);
  });

  it('sends only the configured priorities', async () => {
    const { sent, episodes } = await start({ priorities: ['P2'] });
    expect(episodes).toHaveLength(1);
    expect(sent).toEqual([]);
  });

  it('refuses to start on an unknown priority', async () => {
    await expect(start({ priorities: ['urgent'] })).rejects.toThrow(
      /Invalid dataops.notifications.priorities: 'urgent'/,
    );
  });
});
