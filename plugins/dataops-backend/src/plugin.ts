import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { dataopsPermissions } from '@dataops-observability/plugin-dataops-common';
import {
  DataOpsView,
  dataopsViewsExtensionPoint,
} from '@dataops-observability/plugin-dataops-node';
import { createAlertRouter } from './alertRoutes';
import { EnvironmentClients } from './clients';
import { readDataOpsConfig } from './config';
import {
  AlertPoller,
  EpisodeStore,
  readPollerConfig,
  scheduleAlertPoller,
  scheduleEpisodeRetention,
} from './incidents';
import { AlertNotifier, readNotificationsConfig } from './notifications';
import { createRouter } from './router';
import { EntityViewService } from './service';
import {
  ViewRegistry,
  createAlertsView,
  createSloView,
  createDeploymentsView,
  createLogsView,
  createMetricsView,
  createStorageView,
  createSummaryView,
  resolvePanels,
} from './views';

/**
 * DataOps observability backend: per-entity views over Thanos, OpenSearch, Argo CD and Alertmanager for
 * every configured environment.
 * @public
 */
export const dataopsPlugin = createBackendPlugin({
  pluginId: 'dataops',
  register(env) {
    const moduleViews: DataOpsView<any>[] = [];
    env.registerExtensionPoint(dataopsViewsExtensionPoint, {
      addView(view) {
        moduleViews.push(view);
      },
    });
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        cache: coreServices.cache,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        notifications: notificationService,
      },
      async init({
        config,
        logger,
        httpRouter,
        httpAuth,
        permissions,
        permissionsRegistry,
        cache,
        catalog,
        auth,
        database,
        scheduler,
        notifications,
      }) {
        const dataopsConfig = readDataOpsConfig(config);
        // Panel overrides that name no default and have no query fail here, not on the first page view.
        Object.keys(dataopsConfig.panels).forEach(type =>
          resolvePanels(type, dataopsConfig.panels),
        );
        const clients = new Map(
          dataopsConfig.environments.map(e => [
            e.name,
            new EnvironmentClients(e),
          ]),
        );
        const deps = {
          config: dataopsConfig,
          clients: (name: string) => clients.get(name)!,
          cache,
          permissions,
        };
        const registry = new ViewRegistry();
        registry.register(createSummaryView(registry));
        registry.register(createMetricsView(deps));
        registry.register(createLogsView(deps));
        registry.register(createDeploymentsView(deps));
        registry.register(createAlertsView(deps));
        registry.register(createStorageView(deps));
        registry.register(createSloView(deps));
        moduleViews.forEach(v => registry.register(v));
        permissionsRegistry.addPermissions(dataopsPermissions);

        const views = new EntityViewService({
          registry,
          environments: dataopsConfig.environments,
          cache,
          logger,
          ttlOverrides: dataopsConfig.cacheTtlSeconds,
        });
        httpRouter.use(
          await createRouter({
            httpAuth,
            catalog,
            config: dataopsConfig,
            views,
          }),
        );
        const episodes = await EpisodeStore.create(database);
        const clientsOf = (name: string) => clients.get(name)!;
        const notificationsConfig = readNotificationsConfig(config);
        const notifier = notificationsConfig.enabled
          ? new AlertNotifier({
              notifications,
              config: notificationsConfig,
              logger,
            })
          : undefined;
        httpRouter.use(
          await createAlertRouter({
            httpAuth,
            auth,
            catalog,
            config: dataopsConfig,
            clients: clientsOf,
            store: episodes,
          }),
        );
        const pollerConfig = readPollerConfig(config);
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
            config: dataopsConfig,
            clients: clientsOf,
            catalog,
            auth,
            store: episodes,
            logger,
            onOpened: notifier
              ? (envName, opened) => notifier.notifyOpened(envName, opened)
              : undefined,
          }),
        });
        logger.info(
          `dataops serving views ${registry
            .names()
            .join(', ')} for environments ${
            dataopsConfig.environments.map(e => e.name).join(', ') || '(none)'
          }`,
        );
      },
    });
  },
});
