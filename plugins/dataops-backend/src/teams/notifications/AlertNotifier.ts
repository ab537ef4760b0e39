import type { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import type {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import type { Priority } from '@dataops-observability/plugin-dataops-common';
import type { OpenedEpisode } from '../incidents';
import type { NotificationsConfig } from './readNotificationsConfig';

/** Topic users can mute or route in their notification settings. */
export const ALERT_NOTIFICATION_TOPIC = 'dataops-alerts';

type Severity = NonNullable<NotificationSendOptions['payload']['severity']>;

const SEVERITY: Record<Priority, Severity> = {
  P1: 'critical',
  P2: 'high',
  P3: 'normal',
  P4: 'low',
};

/** Long enough to cover an Alertmanager restart or a flapping poll, short enough to stay small. */
const REMEMBER_MS = 24 * 3_600_000;
const REMEMBER_MAX = 10_000;

/**
 * Tells the owning group, through Backstage notifications, that an alert of a paging priority started
 * firing on one of its entities. One notification per episode: the scope names the episode, so when the
 * same episode is seen as new again (its alert vanished for one poll, or the backend restarted) the
 * notifications backend updates the existing notification, and this process does not even resend it.
 */
export class AlertNotifier {
  private readonly sent = new Map<string, number>();

  constructor(
    private readonly options: {
      notifications: NotificationService;
      config: NotificationsConfig;
      logger: LoggerService;
      now?: () => number;
    },
  ) {}

  /** The notification for one episode, or undefined when its priority does not notify. */
  toNotification(
    env: string,
    episode: OpenedEpisode,
  ): NotificationSendOptions | undefined {
    if (!this.options.config.priorities.includes(episode.priority)) {
      return undefined;
    }
    const entity = parseEntityRef(episode.entityRef);
    const path = [entity.namespace, entity.kind, entity.name]
      .map((part, i) =>
        encodeURIComponent(i < 2 ? part.toLocaleLowerCase('en-US') : part),
      )
      .join('/');
    return {
      recipients: { type: 'entity', entityRef: episode.owner },
      payload: {
        title: `${episode.priority} ${episode.alertname} on ${entity.name} (${env})`,
        description: episode.summary,
        // The Observability tab, mounted at `dataops` under the entity page by the frontend plugin.
        link: `/catalog/${path}/dataops?${new URLSearchParams({ env })}`,
        severity: SEVERITY[episode.priority],
        topic: ALERT_NOTIFICATION_TOPIC,
        scope: [
          'dataops-alert',
          env,
          episode.entityRef,
          episode.fingerprint,
          episode.firedAt,
        ].join(':'),
      },
    };
  }

  /** Sends what the episodes call for; never throws, a failed send is logged and dropped. */
  async notifyOpened(env: string, opened: OpenedEpisode[]): Promise<void> {
    const { notifications, logger } = this.options;
    const now = (this.options.now ?? Date.now)();
    this.forgetOld(now);
    const due = opened
      .map(episode => ({ episode, options: this.toNotification(env, episode) }))
      .filter(
        (
          n,
        ): n is { episode: OpenedEpisode; options: NotificationSendOptions } =>
          n.options !== undefined && !this.sent.has(n.options.payload.scope!),
      );
    await Promise.all(
      due.map(async ({ episode, options }) => {
        const scope = options.payload.scope!;
        try {
          await notifications.send(options);
          this.sent.set(scope, now);
        } catch (e) {
          // Only what identifies the alert: an error object may carry request details such as headers.
          logger.warn('dataops could not send an alert notification', {
            env,
            alertname: episode.alertname,
            entityRef: episode.entityRef,
            owner: episode.owner,
            error: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
          });
        }
      }),
    );
  }

  private forgetOld(now: number) {
    for (const [scope, at] of this.sent) {
      // Insertion order is send order, so the oldest come first.
      if (now - at < REMEMBER_MS && this.sent.size <= REMEMBER_MAX) {
        break;
      }
      this.sent.delete(scope);
    }
  }
}
