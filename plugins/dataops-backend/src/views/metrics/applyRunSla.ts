import type { Entity } from '@backstage/catalog-model';
import { DataOpsSourceError } from '@dataops-observability/plugin-dataops-node';
import type { PanelDefinition } from '../shared';
import { resolveRunSla } from '../runs/resolveRunSla';

/**
 * Panels that show how long the workload's runs take, in seconds. Their thresholds come from the entity's
 * `dataops.io/run-sla` where it has one, so the Metrics tab, the Runs tab and the generated run-duration
 * alerts judge a run by the same numbers (warning past the SLA, critical past SLA + 50%).
 */
export const RUN_DURATION_PANEL_IDS: ReadonlySet<string> = new Set([
  'run-duration-p95',
  'run-duration',
]);

/**
 * `panels` with the run-duration panels' thresholds set from the entity's run SLA in `env`. Without an SLA
 * the configured thresholds stay. A malformed SLA leaves them too and comes back as a warning: the Runs tab
 * reports it as the environment's error, and the other panels should not go dark because of it.
 */
export function applyRunSla(
  panels: PanelDefinition[],
  entity: Entity,
  env: string,
  addWarning: (message: string) => void,
): PanelDefinition[] {
  if (!panels.some(p => RUN_DURATION_PANEL_IDS.has(p.id))) {
    return panels;
  }
  let sla;
  try {
    sla = resolveRunSla(entity, env, 'thanos');
  } catch (e) {
    if (e instanceof DataOpsSourceError) {
      addWarning(`run-duration thresholds not applied: ${e.message}`);
      return panels;
    }
    throw e;
  }
  if (!sla) {
    return panels;
  }
  return panels.map(p =>
    RUN_DURATION_PANEL_IDS.has(p.id) && p.unit === 's'
      ? {
          ...p,
          thresholds: sla.thresholds,
          description: `${
            p.description ? `${p.description} ` : ''
          }Thresholds from ${sla.annotation}.`,
        }
      : p,
  );
}
