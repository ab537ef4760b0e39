import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { JsonObject } from '@backstage/types';
import type { Knex } from 'knex';
import type { DataOpsConfig } from '../config';
import { AlertmanagerClient, alertmanagerSource } from '../sources';
import { AlertPoller, EpisodeStore, OpenedEpisode } from '../teams';
import { OWNERSHIP_ENTITIES } from './alertOwnershipFixture';
import { readConfigWithSources } from './readConfigWithSources';

/** What the poller tests share: a migrated episode store and clients for the given environments. */
export interface AlertPollerFixture {
  /** The migrated database the store writes to. */
  knex: Knex;
  store: EpisodeStore;
  config: DataOpsConfig;
  /** A poller wired as the plugin wires it, against the ownership organisation of the fixtures. */
  createPoller(options: {
    logger: LoggerService;
    onOpened?(env: string, opened: OpenedEpisode[]): Promise<void>;
    /** Another store, e.g. one of a second backend replica; `store` by default. */
    store?: EpisodeStore;
  }): AlertPoller;
}

/** `databases` must be created at the top of the test file so its lifecycle hooks register there. */
export async function createAlertPollerFixture(
  databases: TestDatabases,
  environments: JsonObject[],
  setup: { database?: TestDatabaseId } = {},
): Promise<AlertPollerFixture> {
  const knex = await databases.init(setup.database ?? 'SQLITE_3');
  await EpisodeStore.migrate(knex);
  const store = new EpisodeStore(knex);
  const { config, sources } = readConfigWithSources({
    dataops: { environments },
  });
  return {
    knex,
    store,
    config,
    createPoller: options =>
      new AlertPoller({
        config,
        alertmanager: env =>
          sources.client<AlertmanagerClient>(env, alertmanagerSource),
        catalog: catalogServiceMock({ entities: OWNERSHIP_ENTITIES }),
        auth: mockServices.auth(),
        store: options.store ?? store,
        logger: options.logger,
        onOpened: options.onOpened,
      }),
  };
}
