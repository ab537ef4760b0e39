import type {
  DatabaseService,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type express from 'express';
import type { DataOpsConfig } from '../config';
import type { EntityViewService } from '../entityViews';
import { FleetService, readFleetLimits } from '../fleet';
import type { PrometheusClient } from '../sources';
import { CatalogOwnership, EpisodeStore } from '../teams';
import { createTeamReportRouter } from './createTeamReportRouter';
import { detectionSli } from './measureDetection';
import { TeamReportService } from './TeamReportService';

/**
 * The team report route, sharing the view service (and so its cache) with the entity pages and the fleet,
 * the ownership index with the team routes and the incident store with the poller.
 */
export async function setupTeamReport(options: {
  rootConfig: Config;
  config: DataOpsConfig;
  httpAuth: HttpAuthService;
  catalog: CatalogService;
  database: DatabaseService;
  ownership: CatalogOwnership;
  views: EntityViewService;
  prometheus(env: string): PrometheusClient | undefined;
}): Promise<express.Router> {
  const { config, catalog, views } = options;
  const limits = readFleetLimits(options.rootConfig);
  const reports = new TeamReportService({
    catalog,
    ownership: options.ownership,
    store: await EpisodeStore.create(options.database),
    fleet: new FleetService({ catalog, views, limits }),
    views,
    limits,
    environments: config.environments.map(e => e.name),
    sli: (entity, env) =>
      detectionSli({ config, prometheus: options.prometheus, entity, env }),
  });
  return createTeamReportRouter({ httpAuth: options.httpAuth, reports });
}
