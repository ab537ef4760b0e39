import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { DataOpsConfig } from '../../config';
import { AlertmanagerClient, AlertmanagerTopology } from '../../sources';
import { readAttributedAlerts } from '../alerts';
import { CatalogOwnership } from '../ownership';
import type {
  EpisodeObservation,
  EpisodeRow,
  EpisodeStore,
  PollChanges,
} from './EpisodeStore';

/**
 * The episode table's column widths (see migrations). Label values are whatever a rule writes; a value
 * longer than its column would fail the whole environment's poll on PostgreSQL, so it is cut to fit.
 */
const COLUMN_CHARS = { fingerprint: 64, alertname: 255, severity: 63 };

/** At most `max` characters, never splitting a character made of two UTF-16 units. */
function clip(value: string, max: number): string {
  return value.length <= max ? value : Array.from(value).slice(0, max).join('');
}

/** An episode a poll just opened, with what the alert said about itself (not stored). */
export interface OpenedEpisode extends EpisodeRow {
  /** The alert's `summary` annotation, else its `description`, else its name. */
  summary: string;
}

/** Outcome of one poll per environment; environments without Alertmanager are left out. */
export type PollResult = Record<string, PollChanges | { error: string }>;

/**
 * Reads every Alertmanager once per poll (however many environments share it) and turns what fires into
 * episodes, each alert in the one environment it belongs to and for the one entity that owns it: an
 * ambiguous alert (equally specific claims) opens no episode and notifies nobody. Ownership is read from
 * the catalog with the plugin's own credentials, since no user is behind a scheduled run.
 */
export class AlertPoller {
  private readonly ownership: CatalogOwnership;

  constructor(
    private readonly options: {
      config: DataOpsConfig;
      /** The environment's Alertmanager client; `undefined` when it has none. */
      alertmanager(env: string): AlertmanagerClient | undefined;
      catalog: CatalogService;
      auth: AuthService;
      store: EpisodeStore;
      logger: LoggerService;
      /** Shared with the team routes, so both reuse one ownership index. */
      ownership?: CatalogOwnership;
      /** Called with the episodes a poll opened, e.g. to notify their owners. */
      onOpened?(env: string, opened: OpenedEpisode[]): Promise<void>;
    },
  ) {
    const topology = AlertmanagerTopology.of(options.config.environments);
    this.ownership =
      options.ownership ??
      new CatalogOwnership({
        catalog: options.catalog,
        serviceCredentials: () => options.auth.getOwnServiceCredentials(),
        environments: options.config.environments.map(e => e.name),
        identifyingLabels: env => topology.identifyingLabels(env),
      });
  }

  async poll(now: number = Date.now()): Promise<PollResult> {
    const { config, alertmanager, store, logger } = this.options;
    if (!config.environments.some(e => alertmanager(e.name))) {
      return {};
    }
    const [index, read] = await Promise.all([
      this.ownership.index(),
      readAttributedAlerts({ config, alertmanager }),
    ]);
    const seen = new Map<string, EpisodeObservation[]>();
    const summaries = new Map<string, string>();
    for (const { env, alert, raw } of read.alerts) {
      if (!alert.fingerprint) {
        continue;
      }
      const targets = index.targets(alert.labels, env);
      if (targets.length !== 1) {
        // Nobody's, or ambiguous: recording it for one claimant would be a guess, for all a duplicate.
        continue;
      }
      const [target] = targets;
      const startsAt = Date.parse(alert.startsAt);
      const endsAt = Date.parse(String(raw?.endsAt ?? ''));
      summaries.set(
        clip(alert.fingerprint, COLUMN_CHARS.fingerprint),
        alert.summary,
      );
      const list = seen.get(env) ?? [];
      list.push({
        fingerprint: clip(alert.fingerprint, COLUMN_CHARS.fingerprint),
        alertname: clip(alert.name, COLUMN_CHARS.alertname),
        entityRef: target.entityRef,
        owner: target.owner,
        priority: alert.priority,
        severity: clip(alert.severity, COLUMN_CHARS.severity),
        firedAt: Number.isNaN(startsAt) ? now : startsAt,
        ...(endsAt <= now ? { endedAt: endsAt } : {}),
        suppressed: alert.state === 'suppressed',
      });
      seen.set(env, list);
    }
    // Environments without an Alertmanager of their own only hold alerts that name them by label; they are
    // complete only when every Alertmanager answered.
    const complete = read.failed.size === 0;
    const envs = config.environments
      .map(e => e.name)
      .filter(
        env =>
          read.answered.has(env) ||
          read.failed.has(env) ||
          (complete && seen.has(env)),
      );
    const results = await Promise.all(
      envs.map(async env => {
        const failed = read.failed.get(env);
        if (failed) {
          // One Alertmanager down must not stop the others, and must not resolve its open episodes.
          logger.warn('dataops alert poll failed', {
            env,
            error: failed.message,
          });
          return [env, { error: failed.message }] as const;
        }
        try {
          const changes = await store.applyPoll(env, seen.get(env) ?? [], now);
          await this.notify(env, changes, summaries);
          return [env, changes] as const;
        } catch (e) {
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

  private async notify(
    env: string,
    changes: PollChanges,
    summaries: Map<string, string>,
  ) {
    if (!changes.opened.length || !this.options.onOpened) {
      return;
    }
    const opened = changes.opened.map(e => ({
      ...e,
      summary: summaries.get(e.fingerprint) ?? e.alertname,
    }));
    // The episodes are stored already; a failing hook must not turn this into a failed poll.
    try {
      await this.options.onOpened(env, opened);
    } catch (e) {
      this.options.logger.warn('dataops could not notify about new alerts', {
        env,
        error: e instanceof Error ? e.message : String(e),
      });
    }
  }
}
