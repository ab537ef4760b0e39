import { ProfileSelection } from '@dataops-observability/plugin-dataops-common';
import {
  DEFAULT_ENVIRONMENT_PROFILE,
  DEFAULT_STALE_AFTER_SECONDS,
} from '../config';
import type { DataOpsConfig } from '../config';

/**
 * The exporter profiles in force for an entity type in one environment: the environment's `profile`, its
 * `entityTypes` override, or the default stack for environments that configure none.
 */
export function profileSelectionFor(
  config: Pick<DataOpsConfig, 'environments'>,
  env: string,
  entityType: string,
): ProfileSelection {
  const environment = config.environments.find(e => e.name === env);
  return (environment?.profile ?? DEFAULT_ENVIRONMENT_PROFILE).forEntityType(
    entityType,
  );
}

/** Seconds after which the newest sample of a panel or check makes it `stale` in `env`. */
export function staleAfterSecondsFor(
  config: Pick<DataOpsConfig, 'environments'>,
  env: string,
): number {
  return (
    config.environments.find(e => e.name === env)?.staleAfterSeconds ??
    DEFAULT_STALE_AFTER_SECONDS
  );
}
