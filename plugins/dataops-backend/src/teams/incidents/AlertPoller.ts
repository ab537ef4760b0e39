import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { DataOpsConfig } from '../../config';
import type { AlertmanagerClient } from '../../sources';
import { toActiveAlert } from '../alerts';
import { CatalogOwnership } from '../ownership';
import type {
  EpisodeObservation,
  EpisodeRow,
  EpisodeStore,
  PollChanges,
} from './EpisodeStore';

/** An episode a poll just opened, with what the alert said about itself (not stored). */
export interface OpenedEpisode extends EpisodeRow {
  /** The alert's `summary` annotation, else its `description`, else its name. */
  summary: string;
}

/** Outcome of one poll per environment; environments without Alertmanager are left out. */
export type PollResult = Record<string, PollChanges | { error: string }>;

/**
 * Reads every environment's Alertmanager and turns what fires into episodes. Ownership is read from the
 * catalog with the plugin's own credentials, since no user is behind a scheduled run.
 */
export class AlertPoller {
  constructor(
    private readonly options: {
      config: DataOpsConfig;
      /** The environment's Alertmanager client; `undefined` when it has none. */
      alertmanager(env: string): AlertmanagerClient | undefined;
      catalog: CatalogService;
      auth: AuthService;
      store: EpisodeStore;
      logger: LoggerService;
      /** Called with the episodes a poll opened, e.g. to notify their owners. */
      onOpened?(env: string, opened: OpenedEpisode[]): Promise<void>;
    },
  ) {}

  async poll(now: number = Date.now()): Promise<PollResult> {
    const { config, alertmanager, catalog, auth, store, logger } = this.options;
    const envs = config.environments.filter(e => alertmanager(e.name));
    if (!envs.length) {
      return {};
    }
    const ownership = await CatalogOwnership.load({
      catalog,
      credentials: await auth.getOwnServiceCredentials(),
      environments: config.environments.map(e => e.name),
    });
    const hidden = new Set(config.hiddenAlerts);
    const results = await Promise.all(
      envs.map(async ({ name: env }) => {
        try {
          const raw = await alertmanager(env)!.getAlerts([]);
          const seen: EpisodeObservation[] = [];
          const summaries = new Map<string, string>();
          for (const item of raw) {
            const alert = toActiveAlert(item, config.priorities);
            if (hidden.has(alert.name) || !alert.fingerprint) {
              continue;
            }
            const startsAt = Date.parse(alert.startsAt);
            const endsAt = Date.parse(String(item.endsAt ?? ''));
            summaries.set(alert.fingerprint, alert.summary);
            for (const target of ownership.targets(alert.labels, env)) {
              seen.push({
                fingerprint: alert.fingerprint,
                alertname: alert.name,
                entityRef: target.entityRef,
                owner: target.owner,
                priority: alert.priority,
                severity: alert.severity,
                firedAt: Number.isNaN(startsAt) ? now : startsAt,
                ...(endsAt <= now ? { endedAt: endsAt } : {}),
                suppressed: alert.state === 'suppressed',
              });
            }
          }
          const changes = await store.applyPoll(env, seen, now);
          if (changes.opened.length && this.options.onOpened) {
            const opened = changes.opened.map(e => ({
              ...e,
              summary: summaries.get(e.fingerprint) ?? e.alertname,
            }));
            // The episodes are stored already; a failing hook must not turn this into a failed poll.
            try {
              await this.options.onOpened(env, opened);
            } catch (e) {
              logger.warn('dataops could not notify about new alerts', {
                env,
                error: e instanceof Error ? e.message : String(e),
              });
            }
          }
          return [env, changes] as const;
        } catch (e) {
          // One environment down must not stop the others, and must not resolve its open episodes.
          logger.warn('dataops alert poll failed', {
            env,
            error: (e as Error).message,
          });
          return [env, { error: (e as Error).message }] as const;
        }
      }),
    );
    return Object.fromEntries(results);
  }
}
