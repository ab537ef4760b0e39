import { mockServices } from '@backstage/backend-test-utils';
import type {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import type { OpenedEpisode } from '../incidents';
import { AlertNotifier } from './AlertNotifier';

const episode = (extra: Partial<OpenedEpisode> = {}): OpenedEpisode => ({
  id: 1,
  env: 'prod',
  fingerprint: '4f2a9c',
  alertname: 'SparkGcTimeHigh',
  entityRef: 'component:default/daily-sales-etl',
  owner: 'group:default/sales-data',
  priority: 'P1',
  severity: 'critical',
  firedAt: 1_700_000_000_000,
  summary: 'GC takes 40% of executor time',
  ...extra,
});

function setup(
  options: {
    priorities?: OpenedEpisode['priority'][];
    send?: NotificationService['send'];
  } = {},
) {
  let now = 1_700_000_100_000;
  const notifications = {
    send: jest.fn<Promise<void>, [NotificationSendOptions]>(
      options.send ?? (async () => {}),
    ),
  };
  const logger = mockServices.logger.mock();
  const notifier = new AlertNotifier({
    notifications,
    config: { enabled: true, priorities: options.priorities ?? ['P1', 'P2'] },
    logger,
    now: () => now,
  });
  return {
    notifications,
    logger,
    notifier,
    advance: (ms: number) => (now += ms),
  };
}

describe('AlertNotifier', () => {
  it('tells the owning group, linking to the Observability tab of the environment', () => {
    const { notifier } = setup();
    expect(notifier.toNotification('prod', episode())).toEqual({
      recipients: { type: 'entity', entityRef: 'group:default/sales-data' },
      payload: {
        title: 'P1 SparkGcTimeHigh on daily-sales-etl (prod)',
        description: 'GC takes 40% of executor time',
        link: '/catalog/default/component/daily-sales-etl/dataops?env=prod',
        severity: 'critical',
        topic: 'dataops-alerts',
        scope:
          'dataops-alert:prod:component:default/daily-sales-etl:4f2a9c:1700000000000',
      },
    });
  });

  it('maps priorities to severities, skips priorities not configured and escapes the link', () => {
    const { notifier } = setup({ priorities: ['P2', 'P3'] });
    const p2 = notifier.toNotification(
      'stage eu',
      episode({
        priority: 'P2',
        entityRef: 'Resource:Sales/orders#v2',
      }),
    );
    expect(p2?.payload.severity).toBe('high');
    expect(p2?.payload.link).toBe(
      '/catalog/sales/resource/orders%23v2/dataops?env=stage+eu',
    );
    expect(
      notifier.toNotification('prod', episode({ priority: 'P3' }))?.payload
        .severity,
    ).toBe('normal');
    expect(notifier.toNotification('prod', episode())).toBeUndefined();
  });

  it('sends each episode once, and again only after a day', async () => {
    const { notifier, notifications, advance } = setup();
    await notifier.notifyOpened('prod', [
      episode(),
      episode({ id: 2, priority: 'P4', fingerprint: 'other' }),
    ]);
    expect(notifications.send).toHaveBeenCalledTimes(1);
    // The same episode opened again (same alert, same start): already told.
    await notifier.notifyOpened('prod', [episode({ id: 3 })]);
    expect(notifications.send).toHaveBeenCalledTimes(1);
    // A new firing of the same alert is a new episode.
    await notifier.notifyOpened('prod', [
      episode({ id: 4, firedAt: 1_700_000_090_000 }),
    ]);
    expect(notifications.send).toHaveBeenCalledTimes(2);
    advance(25 * 3_600_000);
    await notifier.notifyOpened('prod', [episode({ id: 5 })]);
    expect(notifications.send).toHaveBeenCalledTimes(3);
    // Whenever it is resent, the scope is the same, so the notifications backend updates the first one.
    const scopes = notifications.send.mock.calls.map(([o]) => o.payload.scope);
    expect(scopes[2]).toBe(scopes[0]);
  });

  it('logs a failed send without its details, keeps going and retries nothing it did not send', async () => {
    const failure = Object.assign(new Error('Request failed with status 503'), {
      request: { headers: { authorization: 'Bearer s3cr3t-token' } },
    });
    let calls = 0;
    const { notifier, notifications, logger } = setup({
      send: async () => {
        calls += 1;
        if (calls === 1) {
          throw failure;
        }
      },
    });
    await expect(
      notifier.notifyOpened('prod', [
        episode(),
        episode({ id: 2, fingerprint: 'b', alertname: 'DagFailed' }),
      ]),
    ).resolves.toBeUndefined();
    expect(notifications.send).toHaveBeenCalledTimes(2);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    const [message, meta] = logger.warn.mock.calls[0];
    expect(message).toBe('dataops could not send an alert notification');
    expect(meta).toEqual({
      env: 'prod',
      alertname: 'SparkGcTimeHigh',
      entityRef: 'component:default/daily-sales-etl',
      owner: 'group:default/sales-data',
      error: 'Error: Request failed with status 503',
    });
    expect(JSON.stringify(logger.warn.mock.calls)).not.toContain('s3cr3t');
    // Not remembered as sent, so a reopened episode gets its notification.
    await notifier.notifyOpened('prod', [episode({ id: 3 })]);
    expect(notifications.send).toHaveBeenCalledTimes(3);
  });
});
