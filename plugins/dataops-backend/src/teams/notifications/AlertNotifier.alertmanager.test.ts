import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { OpenedEpisode, PollChanges } from '../incidents';
import {
  AlertPollerFixture,
  SpawnedServer,
  createAlertPollerFixture,
  startAlertmanager,
  testAlert,
} from '../../__testUtils__';
import { AlertNotifier } from './AlertNotifier';

jest.setTimeout(180_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('notifications of the alert poller against a real Alertmanager', () => {
  let am: SpawnedServer & { postAlerts(alerts: unknown[]): Promise<void> };
  let fixture: AlertPollerFixture;
  const t0 = Date.now();

  beforeAll(async () => {
    am = await startAlertmanager();
    fixture = await createAlertPollerFixture(databases, [
      { name: 'prod', timeoutMs: 5000, alertmanager: { url: am.url } },
    ]);
  });

  afterAll(async () => {
    await am?.stop();
  });

  /** A poller wired as the plugin wires it, with a stand-in notification service. */
  function pollerWith(send: (o: NotificationSendOptions) => Promise<void>) {
    const notifications = { send: jest.fn(send) };
    const logger = mockServices.logger.mock();
    const notifier = new AlertNotifier({
      notifications,
      config: { enabled: true, priorities: ['P1', 'P2'] },
      logger,
    });
    const opened: OpenedEpisode[] = [];
    const poller = fixture.createPoller({
      logger,
      onOpened: async (env, episodes) => {
        opened.push(...episodes);
        await notifier.notifyOpened(env, episodes);
      },
    });
    return { poller, notifications, logger, opened };
  }

  const gcHigh = {
    alertname: 'SparkGcTimeHigh',
    namespace: 'spark',
    app: 'daily-sales-etl',
    severity: 'critical',
  };

  it('notifies the owning group once when a P1 starts firing, and nobody for a P3', async () => {
    const { poller, notifications, opened } = pollerWith(async () => {});
    await am.postAlerts([
      {
        ...testAlert(gcHigh, { startsAt: t0 - 120_000 }),
        annotations: { summary: 'GC takes 40% of executor time' },
      },
      testAlert(
        {
          alertname: 'TableStale',
          backstage_entity: 'resource:default/sales-orders',
          severity: 'warning',
        },
        { startsAt: t0 - 60_000 },
      ),
    ]);

    const first = await poller.poll(t0);
    expect(opened.map(e => [e.alertname, e.priority]).sort()).toEqual([
      ['SparkGcTimeHigh', 'P1'],
      ['TableStale', 'P3'],
    ]);
    expect(notifications.send).toHaveBeenCalledTimes(1);
    const fingerprint = opened.find(
      e => e.alertname === 'SparkGcTimeHigh',
    )!.fingerprint;
    expect(fingerprint).toMatch(/^[0-9a-f]+$/);
    expect(notifications.send).toHaveBeenCalledWith({
      recipients: { type: 'entity', entityRef: 'group:default/sales-data' },
      payload: {
        title: 'P1 SparkGcTimeHigh on daily-sales-etl (prod)',
        description: 'GC takes 40% of executor time',
        link: '/catalog/default/component/daily-sales-etl/dataops?env=prod',
        severity: 'critical',
        topic: 'dataops-alerts',
        scope: `dataops-alert:prod:component:default/daily-sales-etl:${fingerprint}:${
          t0 - 120_000
        }`,
      },
    });
    expect(first.prod).toMatchObject({ resolved: 0 });

    // The next poll sees the same alerts still firing: nothing new, nobody told again.
    const again = await poller.poll(t0 + 30_000);
    expect(again.prod).toEqual({ opened: [], resolved: 0 });
    expect(notifications.send).toHaveBeenCalledTimes(1);

    // The alert resolves and fires again with the same start (Prometheus re-sending after an Alertmanager
    // blip): the poller opens the episode again, the owners hear nothing new.
    await am.postAlerts([
      testAlert(gcHigh, { startsAt: t0 - 120_000, endsAt: Date.now() - 1000 }),
    ]);
    expect((await poller.poll(t0 + 60_000)).prod).toMatchObject({
      resolved: 1,
    });
    await am.postAlerts([testAlert(gcHigh, { startsAt: t0 - 120_000 })]);
    const reopened = await poller.poll(t0 + 90_000);
    expect((reopened.prod as PollChanges).opened.map(e => e.alertname)).toEqual(
      ['SparkGcTimeHigh'],
    );
    expect(notifications.send).toHaveBeenCalledTimes(1);
  });

  it('records the episode when the notification cannot be sent', async () => {
    const { poller, notifications, logger } = pollerWith(async () => {
      throw new Error(
        'Failed to send notifications: Error: Request failed with status 503',
      );
    });
    await am.postAlerts([
      testAlert(
        {
          alertname: 'CommitsFailing',
          backstage_entity: 'resource:default/sales-orders',
          severity: 'high',
        },
        { startsAt: t0 - 30_000 },
      ),
    ]);
    const result = await poller.poll(t0 + 120_000);
    expect(notifications.send).toHaveBeenCalledTimes(1);
    expect(notifications.send.mock.calls[0][0].payload.severity).toBe('high');
    expect(result.prod).toEqual({
      opened: [expect.objectContaining({ alertname: 'CommitsFailing' })],
      resolved: 0,
    });
    const stored = await fixture.store.list({
      owners: ['group:default/sales-data'],
      since: 0,
    });
    expect(
      stored
        .filter(e => e.alertname === 'CommitsFailing')
        .map(e => [e.entityRef, e.priority, e.resolvedAt]),
    ).toEqual([['resource:default/sales-orders', 'P2', undefined]]);
    expect(logger.warn).toHaveBeenCalledWith(
      'dataops could not send an alert notification',
      expect.objectContaining({
        env: 'prod',
        owner: 'group:default/sales-data',
        error: expect.stringContaining('status 503'),
      }),
    );
  });
});
