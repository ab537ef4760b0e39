import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { dataopsPermissions } from '@dataops-observability/plugin-dataops-common';
import {
  DataOpsView,
  dataopsSourcesExtensionPoint,
  dataopsViewsExtensionPoint,
} from '@dataops-observability/plugin-dataops-node';
import { readDataOpsConfig } from './config';
import {
  EntityViewService,
  ViewRegistry,
  createEntityViewRouter,
} from './entityViews';
import {
  AlertmanagerClient,
  BUILT_IN_SOURCES,
  EnvironmentSources,
  PrometheusClient,
  SourceRegistry,
  alertmanagerSource,
  thanosSource,
} from './sources';
import { createInventoryRouter } from './inventory';
import { FleetService, createFleetRouter, readFleetLimits } from './fleet';
import {
  PipelineService,
  createPipelineRouter,
  readPipelineSettings,
} from './pipeline';
import {
  createCatalogOwnership,
  createSharedAlertReads,
  setupTeams,
} from './teams';
import { createBuiltInViews } from './views';
import { setupTeamReport } from './teamReport';

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
    // The plugin's own sources go through the extension point exactly as a module's do, and first, so
    // `GET /v1/environments` lists them before any module's.
    const sources = new SourceRegistry();
    BUILT_IN_SOURCES.forEach(s => sources.extensionPoint.addSource(s));
    env.registerExtensionPoint(
      dataopsSourcesExtensionPoint,
      sources.extensionPoint,
    );
    env.registerInit({
      deps: {
        rootConfig: coreServices.rootConfig,
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
        userInfo: coreServices.userInfo,
      },
      async init(deps) {
        const { rootConfig, logger, httpRouter, cache } = deps;
        const config = readDataOpsConfig(rootConfig);

        const environmentSources = EnvironmentSources.fromConfig({
          rootConfig,
          environments: config.environments,
          sources: sources.list(),
        });

        const alertmanager = (envName: string) =>
          environmentSources.client<AlertmanagerClient>(
            envName,
            alertmanagerSource,
          );
        // One ownership index for the entity alerts card, the team views and the poller: they agree on owners.
        const ownership = createCatalogOwnership({
          catalog: deps.catalog,
          auth: deps.auth,
          config,
        });
        const readAlerts = createSharedAlertReads({ config, alertmanager });

        const registry = new ViewRegistry();
        createBuiltInViews(
          {
            config,
            cache,
            permissions: deps.permissions,
            alertOwnership: {
              index: () => ownership.index(),
              readAlerts,
              visibleEntities: (refs, credentials) =>
                ownership.visibleEntities(refs, credentials),
            },
          },
          registry,
        ).forEach(v => registry.register(v));
        moduleViews.forEach(v => registry.register(v));
        deps.permissionsRegistry.addPermissions(dataopsPermissions);

        const views = new EntityViewService({
          registry,
          environments: config.environments,
          sources: environmentSources,
          cache,
          logger,
          ttlOverrides: config.cacheTtlSeconds,
          cacheStore: rootConfig.getOptionalString('backend.cache.store'),
        });
        httpRouter.use(
          await createEntityViewRouter({
            httpAuth: deps.httpAuth,
            catalog: deps.catalog,
            sources: environmentSources,
            entityCacheMs:
              (rootConfig.getOptionalNumber('dataops.entityCacheSeconds') ??
                0) * 1000,
            views,
          }),
        );
        // The fleet page shares the view service, and so its cache, with the entity pages.
        httpRouter.use(
          await createFleetRouter({
            httpAuth: deps.httpAuth,
            userInfo: deps.userInfo,
            environments: config.environments.map(e => e.name),
            fleet: new FleetService({
              catalog: deps.catalog,
              views,
              limits: readFleetLimits(rootConfig),
              environmentCount: config.environments.length,
            }),
          }),
        );
        // The pipeline view rolls each step up as the fleet page does, within the fleet's limits.
        httpRouter.use(
          await createPipelineRouter({
            httpAuth: deps.httpAuth,
            catalog: deps.catalog,
            environments: config.environments.map(e => e.name),
            pipeline: new PipelineService({
              catalog: deps.catalog,
              views,
              limits: readFleetLimits(rootConfig),
              settings: readPipelineSettings(rootConfig),
            }),
          }),
        );
        httpRouter.use(
          await createInventoryRouter({
            httpAuth: deps.httpAuth,
            catalog: deps.catalog,
            config,
            prometheus: envName => {
              const client = environmentSources.client<PrometheusClient>(
                envName,
                thanosSource,
              );
              return (
                client && {
                  extraMatchers: client.config.extraMatchers,
                  missingMetrics: (selectors, range, signal) =>
                    client.missingMetrics(selectors, range, signal),
                }
              );
            },
          }),
        );
        httpRouter.use(
          await setupTeams({ ...deps, config, alertmanager, ownership }),
        );
        // After setupTeams, which migrates the incident table the report reads.
        httpRouter.use(
          await setupTeamReport({
            ...deps,
            config,
            ownership,
            views,
            prometheus: envName =>
              environmentSources.client<PrometheusClient>(
                envName,
                thanosSource,
              ),
          }),
        );

        logger.info(
          `dataops serving views ${registry
            .names()
            .join(', ')} for environments ${
            config.environments.map(e => e.name).join(', ') || '(none)'
          }`,
        );
      },
    });
  },
});
