import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import { DataOpsConfig, readDataOpsConfig } from '../config';
import { BUILT_IN_SOURCES, EnvironmentSources } from '../sources';

/**
 * Reads an app config as the plugin does at start-up: the plugin-wide `dataops` settings, then every
 * built-in source of every environment (which also builds their clients; none calls its upstream).
 */
export function readConfigWithSources(app: JsonObject): {
  config: DataOpsConfig;
  sources: EnvironmentSources;
} {
  const rootConfig = new ConfigReader(app);
  const config = readDataOpsConfig(rootConfig);
  const sources = EnvironmentSources.fromConfig({
    rootConfig,
    environments: config.environments,
    sources: [...BUILT_IN_SOURCES],
  });
  return { config, sources };
}
