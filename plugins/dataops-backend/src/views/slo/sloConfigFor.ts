import { sliTemplateFromProfile } from '@dataops-observability/plugin-dataops-common';
import type { SloConfig } from '../../config';
import { profileSelectionFor } from '../../profiles';
import type { ViewDependencies } from '../shared';

/**
 * The SLO settings for an entity type in one environment: a template configured in `dataops.slo.templates`
 * wins; otherwise the SLI comes from the exporter profile the environment uses for that type, so the SLO
 * reads the counters the environment's exporter really publishes.
 */
export function sloConfigFor(
  deps: ViewDependencies,
  env: string,
  entityType: string,
): SloConfig {
  const configured = deps.config.slo;
  if (configured.templates[entityType]) {
    return configured;
  }
  const fromProfile = sliTemplateFromProfile(
    entityType,
    profileSelectionFor(deps.config, env, entityType),
  );
  return fromProfile
    ? {
        ...configured,
        templates: { ...configured.templates, [entityType]: fromProfile },
      }
    : configured;
}
