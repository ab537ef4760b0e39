import type {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { TeamAlertsResponse } from '@dataops-observability/plugin-dataops-common';
import type { Knex } from 'knex';
import { readDataOpsConfig } from '../config';
import {
  AlertmanagerClient,
  BUILT_IN_SOURCES,
  EnvironmentSources,
  alertmanagerSource,
} from '../sources';
import { buildTeamAlerts } from './alerts';
import { AlertPoller, EpisodeStore } from './incidents';
import { createCatalogOwnership } from './router';

/** What {@link createTeamAlertsHarness} wires together. @public */
export interface TeamAlertsHarnessOptions {
  /** An app config with `dataops.environments`, read as the plugin reads it. */
  rootConfig: Config;
  /** Read for ownership (with the plugin's credentials) and visibility (with the caller's). */
  catalog: CatalogService;
  /** Gives the plugin's own service credentials. */
  auth: AuthService;
  /** Where the poller reports a failing environment. */
  logger: LoggerService;
  /** A database for the episode table; migrated by the harness. */
  knex: Knex;
}

/** The team alert view and the alert poller, without HTTP or the scheduler. @public */
export interface TeamAlertsHarness {
  /** `GET /v1/alerts?owner=` as `credentials` would get it. */
  teamView(
    owner: string,
    credentials: BackstageCredentials,
  ): Promise<TeamAlertsResponse>;
  /** One scheduled poll at `now`: per environment, episodes opened and resolved, or the error. */
  poll(
    now: number,
  ): Promise<
    Record<string, { opened: number; resolved: number } | { error: string }>
  >;
}

/**
 * The team alerts pipeline as the plugin wires it (ownership index, Alertmanager reads, attribution,
 * visibility, episode store), for measuring it at scale (packages/bench). Not part of the runtime API.
 * @public
 */
export async function createTeamAlertsHarness(
  options: TeamAlertsHarnessOptions,
): Promise<TeamAlertsHarness> {
  const { rootConfig, catalog, auth, logger, knex } = options;
  const config = readDataOpsConfig(rootConfig);
  const sources = EnvironmentSources.fromConfig({
    rootConfig,
    environments: config.environments,
    sources: [...BUILT_IN_SOURCES],
  });
  const alertmanager = (env: string) =>
    sources.client<AlertmanagerClient>(env, alertmanagerSource);
  const ownership = createCatalogOwnership({ catalog, auth, config });
  await EpisodeStore.migrate(knex);
  const poller = new AlertPoller({
    config,
    alertmanager,
    catalog,
    auth,
    store: new EpisodeStore(knex),
    logger,
    ownership,
  });
  return {
    async teamView(owner, credentials) {
      const tree = await ownership.groupTree(credentials);
      return buildTeamAlerts({
        owner,
        groups: tree.groupAndDescendants(owner),
        ownership,
        credentials,
        config,
        alertmanager,
      });
    },
    async poll(now) {
      const result = await poller.poll(now);
      return Object.fromEntries(
        Object.entries(result).map(([env, r]) => [
          env,
          'error' in r
            ? { error: r.error }
            : { opened: r.opened.length, resolved: r.resolved },
        ]),
      );
    },
  };
}
