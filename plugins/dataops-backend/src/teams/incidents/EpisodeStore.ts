import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import type { Priority } from '@dataops-observability/plugin-dataops-common';

const TABLE = 'dataops_alert_episodes';

/** One firing alert for one entity as seen by a poll. */
export interface EpisodeObservation {
  fingerprint: string;
  alertname: string;
  entityRef: string;
  owner: string;
  priority: Priority;
  severity: string;
  /** Unix ms, the alert's `startsAt`. */
  firedAt: number;
  /** Unix ms of an `endsAt` already in the past: the alert is resolved though still listed. */
  endedAt?: number;
  /** Silenced or inhibited: does not open an episode, but keeps an open one going. */
  suppressed: boolean;
}

/** A stored episode; times are unix ms. */
export interface EpisodeRow
  extends Pick<
    EpisodeObservation,
    | 'fingerprint'
    | 'alertname'
    | 'entityRef'
    | 'owner'
    | 'priority'
    | 'severity'
    | 'firedAt'
  > {
  id: number;
  env: string;
  resolvedAt?: number;
}

/** What one environment's poll changed. */
export interface PollChanges {
  opened: EpisodeRow[];
  resolved: number;
}

const key = (fingerprint: string, entityRef: string) =>
  `${fingerprint}\u0000${entityRef}`;

/** By alert, then entity, in code unit order: the same in every replica, unlike a locale's order. */
function byAlertAndEntity(a: EpisodeObservation, b: EpisodeObservation) {
  if (a.fingerprint !== b.fingerprint) {
    return a.fingerprint < b.fingerprint ? -1 : 1;
  }
  if (a.entityRef !== b.entityRef) {
    return a.entityRef < b.entityRef ? -1 : 1;
  }
  return 0;
}

function toRow(r: any): EpisodeRow {
  return {
    id: Number(r.id),
    env: r.env,
    fingerprint: r.fingerprint,
    alertname: r.alertname,
    entityRef: r.entity_ref,
    owner: r.owner,
    priority: r.priority,
    severity: r.severity,
    // PostgreSQL hands bigint back as a string.
    firedAt: Number(r.fired_at),
    ...(r.resolved_at !== null && r.resolved_at !== undefined
      ? { resolvedAt: Number(r.resolved_at) }
      : {}),
  };
}

/** The plugin's alert episode table. */
export class EpisodeStore {
  static async create(database: DatabaseService): Promise<EpisodeStore> {
    const knex = await database.getClient();
    if (!database.migrations?.skip) {
      await EpisodeStore.migrate(knex);
    }
    return new EpisodeStore(knex);
  }

  static async migrate(knex: Knex): Promise<void> {
    await knex.migrate.latest({
      directory: resolvePackagePath(
        '@dataops-observability/plugin-dataops-backend',
        'migrations',
      ),
    });
  }

  constructor(private readonly knex: Knex) {}

  /**
   * Applies one successful poll of `env`: new firing alerts open episodes, listed alerts whose `endsAt`
   * passed and open episodes no longer listed are resolved. Only called for environments that answered,
   * so an unreachable Alertmanager never resolves anything.
   */
  async applyPoll(
    env: string,
    seen: EpisodeObservation[],
    now: number,
  ): Promise<PollChanges> {
    return this.knex.transaction(async tx => {
      const open = (
        await tx(TABLE).where({ env }).whereNull('resolved_at')
      ).map(toRow);
      const openByKey = new Map(
        open.map(e => [key(e.fingerprint, e.entityRef), e]),
      );
      const stillOpen: number[] = [];
      const ended = new Map<number, number>();
      const fresh: EpisodeObservation[] = [];
      const listed = new Set<string>();
      for (const o of seen) {
        const k = key(o.fingerprint, o.entityRef);
        if (listed.has(k)) {
          continue;
        }
        listed.add(k);
        const episode = openByKey.get(k);
        if (episode) {
          if (o.endedAt !== undefined) {
            ended.set(episode.id, Math.max(o.endedAt, episode.firedAt));
          } else {
            stillOpen.push(episode.id);
          }
        } else if (o.endedAt === undefined && !o.suppressed) {
          fresh.push(o);
        }
      }
      for (const e of open) {
        if (!listed.has(key(e.fingerprint, e.entityRef))) {
          ended.set(e.id, Math.max(now, e.firedAt));
        }
      }
      // Rows are written in one order (ids, then keys) by every poller, so two overlapping transactions wait
      // for each other instead of deadlocking.
      stillOpen.sort((a, b) => a - b);
      for (let i = 0; i < stillOpen.length; i += 500) {
        await tx(TABLE)
          .whereIn('id', stillOpen.slice(i, i + 500))
          .update({ last_seen_at: now });
      }
      let resolved = 0;
      for (const [id, at] of [...ended].sort(([a], [b]) => a - b)) {
        // Another poller may have resolved it since this one read it; its time stands.
        resolved += await tx(TABLE)
          .where({ id })
          .whereNull('resolved_at')
          .update({ resolved_at: at, last_seen_at: now });
      }
      fresh.sort(byAlertAndEntity);
      const opened: EpisodeRow[] = [];
      for (const o of fresh) {
        const values = {
          env,
          fingerprint: o.fingerprint,
          alertname: o.alertname,
          entity_ref: o.entityRef,
          owner: o.owner,
          priority: o.priority,
          severity: o.severity,
          fired_at: Math.min(o.firedAt, now),
          resolved_at: null,
          last_seen_at: now,
        };
        // The unique index on open episodes refuses a second one for the same alert and entity: an
        // overlapping poller opened it first and reports it, so this one skips it.
        const [inserted] = await tx(TABLE)
          .insert(values, ['id'])
          .onConflict()
          .ignore();
        if (inserted === undefined) {
          continue;
        }
        const id = typeof inserted === 'object' ? inserted.id : inserted;
        opened.push(toRow({ ...values, id }));
      }
      return { opened, resolved };
    });
  }

  /**
   * Deletes episodes resolved before `before` (unix ms). Open episodes are kept however old they are: they
   * still describe a running incident.
   */
  async deleteResolvedBefore(before: number): Promise<number> {
    return this.knex(TABLE)
      .whereNotNull('resolved_at')
      .where('resolved_at', '<', before)
      .delete();
  }

  /** Episodes of `owners` (optionally one entity) that fired after `since` or were still open then. */
  async list(options: {
    owners: string[];
    entityRef?: string;
    since: number;
  }): Promise<EpisodeRow[]> {
    if (!options.owners.length) {
      return [];
    }
    const query = this.knex(TABLE)
      .whereIn('owner', options.owners)
      .where(q =>
        q
          .where('fired_at', '>=', options.since)
          .orWhereNull('resolved_at')
          .orWhere('resolved_at', '>=', options.since),
      )
      .orderBy('fired_at', 'desc')
      .limit(20_000);
    if (options.entityRef) {
      query.where('entity_ref', options.entityRef);
    }
    return (await query).map(toRow);
  }
}
