import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { AlertPoller } from './AlertPoller';
import type { PollerConfig } from './readPollerConfig';

/**
 * Runs the poller on the Backstage scheduler. Global scope: with several backend replicas sharing one
 * database, only one of them polls at a time, so episodes are not opened twice.
 */
export async function scheduleAlertPoller(options: {
  scheduler: SchedulerService;
  poller: AlertPoller;
  config: PollerConfig;
  logger: LoggerService;
}): Promise<void> {
  const { scheduler, poller, config, logger } = options;
  if (!config.enabled) {
    logger.info('dataops alert poller disabled by dataops.alertPoller.enabled');
    return;
  }
  await scheduler.scheduleTask({
    id: 'dataops-alert-poller',
    scope: 'global',
    frequency: { seconds: config.frequencySeconds },
    timeout: { seconds: Math.max(60, config.frequencySeconds * 4) },
    initialDelay: { seconds: 5 },
    fn: async () => {
      await poller.poll();
    },
  });
}
