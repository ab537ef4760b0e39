import type {
  AuthService,
  DatabaseService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type express from 'express';
import type { DataOpsConfig } from '../config';
import type { AlertmanagerClient } from '../sources';
import {
  AlertPoller,
  EpisodeStore,
  readPollerConfig,
  scheduleAlertPoller,
  scheduleEpisodeRetention,
} from './incidents';
import { AlertNotifier, readNotificationsConfig } from './notifications';
import type { CatalogOwnership } from './ownership';
import { createCatalogOwnership, createTeamRouter } from './router';
import { readAlertRoutingConfig } from './routing';

/**
 * The team features: the incident history store, the scheduled alert poller (which notifies owners of
 * new P1/P2 alerts) and its retention task, and the router of the team routes, which it returns.
 */
export async function setupTeams(options: {
  rootConfig: Config;
  config: DataOpsConfig;
  alertmanager(env: string): AlertmanagerClient | undefined;
  logger: LoggerService;
  httpAuth: HttpAuthService;
  auth: AuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  database: DatabaseService;
  scheduler: SchedulerService;
  /** Shared with the entity alerts view, so the entity card and the team view use one index. */
  ownership?: CatalogOwnership;
  notifications: NotificationService;
}): Promise<express.Router> {
  const { rootConfig, config, alertmanager, logger, auth, catalog } = options;
  const { scheduler } = options;
  const episodes = await EpisodeStore.create(options.database);
  const notificationsConfig = readNotificationsConfig(rootConfig);
  const notifier = notificationsConfig.enabled
    ? new AlertNotifier({
        notifications: options.notifications,
        config: notificationsConfig,
        logger,
      })
    : undefined;
  // One ownership index for the team routes and the poller: one catalog read per refresh, not two.
  const ownership =
    options.ownership ?? createCatalogOwnership({ catalog, auth, config });
  const router = await createTeamRouter({
    httpAuth: options.httpAuth,
    auth,
    permissions: options.permissions,
    ownership,
    catalog,
    config,
    alertmanager,
    store: episodes,
    alertRouting: readAlertRoutingConfig(
      rootConfig,
      config.environments.map(e => e.name),
    ),
  });
  const pollerConfig = readPollerConfig(rootConfig);
  await scheduleEpisodeRetention({
    scheduler,
    logger,
    store: episodes,
    retentionDays: pollerConfig.retentionDays,
  });
  await scheduleAlertPoller({
    scheduler,
    logger,
    config: pollerConfig,
    poller: new AlertPoller({
      config,
      alertmanager,
      catalog,
      auth,
      store: episodes,
      logger,
      ownership,
      onOpened: notifier
        ? (envName, opened) => notifier.notifyOpened(envName, opened)
        : undefined,
    }),
  });
  return router;
}
