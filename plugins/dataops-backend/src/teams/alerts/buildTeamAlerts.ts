import type {
  ActiveAlert,
  Priority,
  TeamAlertsEntity,
  TeamAlertsEnvironment,
  TeamAlertsResponse,
} from '@dataops-observability/plugin-dataops-common';
import { DataOpsSourceError } from '@dataops-observability/plugin-dataops-node';
import type { DataOpsConfig } from '../../config';
import type { AlertmanagerClient } from '../../sources';
import type { CatalogOwnership } from '../ownership';
import { toActiveAlert } from './toActiveAlert';

const PRIORITIES: Priority[] = ['P1', 'P2', 'P3', 'P4'];

const emptyByPriority = (): Record<Priority, ActiveAlert[]> => ({
  P1: [],
  P2: [],
  P3: [],
  P4: [],
});

function worst(entity: TeamAlertsEntity): number {
  const i = PRIORITIES.findIndex(p =>
    entity.alertsByPriority[p].some(a => a.state === 'active'),
  );
  return i < 0 ? PRIORITIES.length : i;
}

/**
 * Active alerts of everything `groups` own, read live from every environment's Alertmanager. Heartbeats
 * are hidden with the same list and priority mapping as the entity `alerts` view; silenced and inhibited
 * alerts stay in the lists, marked, but are not counted as firing.
 */
export async function buildTeamAlerts(options: {
  owner: string;
  groups: string[];
  ownership: CatalogOwnership;
  config: DataOpsConfig;
  /** The environment's Alertmanager client; `undefined` when it has none. */
  alertmanager(env: string): AlertmanagerClient | undefined;
}): Promise<TeamAlertsResponse> {
  const { config, ownership } = options;
  const groups = new Set(options.groups);
  const hidden = new Set(config.hiddenAlerts);
  const entities = new Map<string, TeamAlertsEntity>();
  const environments: TeamAlertsEnvironment[] = await Promise.all(
    config.environments.map(async ({ name: env }) => {
      const client = options.alertmanager(env);
      if (!client) {
        return {
          env,
          status: 'not-configured',
          source: 'alertmanager',
        } as const;
      }
      let raw: any[];
      try {
        raw = await client.getAlerts([]);
      } catch (e) {
        if (e instanceof DataOpsSourceError) {
          return { env, status: 'error', error: e.toUpstreamError() } as const;
        }
        throw e;
      }
      for (const item of raw) {
        const alert = toActiveAlert(item, config.priorities);
        if (hidden.has(alert.name)) {
          continue;
        }
        for (const target of ownership.targets(alert.labels, env)) {
          if (!groups.has(target.owner)) {
            continue;
          }
          let entry = entities.get(target.entityRef);
          if (!entry) {
            entry = {
              entityRef: target.entityRef,
              owner: target.owner,
              alertsByPriority: emptyByPriority(),
            };
            entities.set(target.entityRef, entry);
          }
          entry.alertsByPriority[alert.priority].push({
            ...alert,
            entityRef: target.entityRef,
            env,
          });
        }
      }
      return { env, status: 'ok' } as const;
    }),
  );
  const counts: Record<Priority, number> = { P1: 0, P2: 0, P3: 0, P4: 0 };
  let suppressed = 0;
  for (const entity of entities.values()) {
    for (const p of PRIORITIES) {
      entity.alertsByPriority[p].sort((a, b) =>
        a.startsAt.localeCompare(b.startsAt),
      );
      for (const alert of entity.alertsByPriority[p]) {
        if (alert.state === 'suppressed') {
          suppressed += 1;
        } else {
          counts[p] += 1;
        }
      }
    }
  }
  return {
    owner: options.owner,
    groups: options.groups,
    entities: [...entities.values()].sort(
      (a, b) => worst(a) - worst(b) || a.entityRef.localeCompare(b.entityRef),
    ),
    counts,
    suppressed,
    environments,
  };
}
