import { ConfigReader } from '@backstage/config';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { JsonObject } from '@backstage/types';
import { EnvironmentClients } from '../clients';
import { DataOpsConfig, readDataOpsConfig } from '../config';
import { AlertPoller, EpisodeStore, OpenedEpisode } from '../incidents';
import { OWNERSHIP_ENTITIES } from './alertOwnershipFixture';

/** What the poller tests share: a migrated episode store and clients for the given environments. */
export interface AlertPollerFixture {
  store: EpisodeStore;
  config: DataOpsConfig;
  /** A poller wired as the plugin wires it, against the ownership organisation of the fixtures. */
  createPoller(options: {
    logger: LoggerService;
    onOpened?(env: string, opened: OpenedEpisode[]): Promise<void>;
  }): AlertPoller;
}

/** `databases` must be created at the top of the test file so its lifecycle hooks register there. */
export async function createAlertPollerFixture(
  databases: TestDatabases,
  environments: JsonObject[],
): Promise<AlertPollerFixture> {
  const knex = await databases.init('SQLITE_3');
  await EpisodeStore.migrate(knex);
  const store = new EpisodeStore(knex);
  const config = readDataOpsConfig(
    new ConfigReader({ dataops: { environments } }),
  );
  const clients = new Map(
    config.environments.map(e => [e.name, new EnvironmentClients(e)]),
  );
  return {
    store,
    config,
    createPoller: options =>
      new AlertPoller({
        config,
        clients: env => clients.get(env)!,
        catalog: catalogServiceMock({ entities: OWNERSHIP_ENTITIES }),
        auth: mockServices.auth(),
        store,
        ...options,
      }),
  };
}
