import type { Config } from '@backstage/config';
import {
  DEFAULT_PROFILE_SELECTION,
  ProfileSelection,
  resolveProfileSelection,
} from '@dataops-observability/plugin-dataops-common';
import type { EnvironmentProfile } from './types';

/** Default staleness bound: a sample older than 10 minutes is not "now" for any scrape interval we run. */
export const DEFAULT_STALE_AFTER_SECONDS = 600;

function readLayers(config: Config | undefined): Map<string, string> {
  const layers = new Map<string, string>();
  for (const key of config?.keys() ?? []) {
    if (key !== 'entityTypes') {
      layers.set(key, config!.getString(key));
    }
  }
  return layers;
}

/**
 * `profile` of one environment: the exporter profile per layer over the default stack, and per entity type
 * the layers that differ. An unknown layer or profile stops start-up naming both (the caller prefixes the
 * environment).
 */
export function readProfileConfig(
  config: Config | undefined,
): EnvironmentProfile {
  const layers = resolveProfileSelection(readLayers(config));
  const byType = new Map<string, ProfileSelection>();
  const types = config?.getOptionalConfig('entityTypes');
  for (const type of types?.keys() ?? []) {
    try {
      byType.set(
        type,
        resolveProfileSelection(readLayers(types!.getConfig(type)), layers),
      );
    } catch (e) {
      throw new Error(`profile.entityTypes.${type}: ${(e as Error).message}`);
    }
  }
  return {
    layers,
    forEntityType: type => byType.get(type) ?? layers,
  };
}

/** The default stack, for environments (and tests) that configure nothing. */
export const DEFAULT_ENVIRONMENT_PROFILE: EnvironmentProfile = {
  layers: DEFAULT_PROFILE_SELECTION,
  forEntityType: () => DEFAULT_PROFILE_SELECTION,
};

export function readStaleAfterSeconds(config: Config): number {
  const value =
    config.getOptionalNumber('staleAfterSeconds') ??
    DEFAULT_STALE_AFTER_SECONDS;
  if (!(Number.isInteger(value) && value >= 30 && value <= 86_400)) {
    throw new Error(
      'staleAfterSeconds must be an integer between 30 and 86400',
    );
  }
  return value;
}
