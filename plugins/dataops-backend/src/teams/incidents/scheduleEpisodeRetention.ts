import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { EpisodeStore } from './EpisodeStore';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes old resolved episodes once a day so incident history stays bounded. Global scope: one replica
 * cleans the shared table. Runs even with the poller disabled, since history recorded earlier still ages.
 */
export async function scheduleEpisodeRetention(options: {
  scheduler: SchedulerService;
  store: Pick<EpisodeStore, 'deleteResolvedBefore'>;
  retentionDays: number;
  logger: LoggerService;
  now?: () => number;
}): Promise<void> {
  const { scheduler, store, retentionDays, logger } = options;
  const now = options.now ?? Date.now;
  await scheduler.scheduleTask({
    id: 'dataops-episode-retention',
    scope: 'global',
    frequency: { hours: 24 },
    timeout: { minutes: 30 },
    // Not at start-up: a restart loop should not hammer the database with deletes.
    initialDelay: { minutes: 10 },
    fn: async () => {
      const deleted = await store.deleteResolvedBefore(
        now() - retentionDays * DAY_MS,
      );
      logger.info(
        `dataops deleted ${deleted} alert episodes resolved more than ${retentionDays} days ago`,
      );
    },
  });
}
