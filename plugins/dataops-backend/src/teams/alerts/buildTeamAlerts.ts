import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  ActiveAlert,
  PRIORITIES,
  Priority,
  TeamAlertsEntity,
  TeamAlertsEnvironment,
  TeamAlertsResponse,
} from '@dataops-observability/plugin-dataops-common';
import type { DataOpsConfig } from '../../config';
import type { AlertmanagerClient } from '../../sources';
import type { AlertTarget, CatalogOwnership } from '../ownership';
import { readAttributedAlerts } from './readAttributedAlerts';

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
 * Active alerts of everything `groups` own, read live from every Alertmanager (each once, however many
 * environments share it), each alert in the one environment it belongs to. Who owns an alert comes from
 * the ownership index; which of those entities appear is decided with the caller's credentials, so
 * nobody learns of entities they can not see. An ambiguous alert (equally specific claims) is listed once,
 * under the first claiming entity of the team, with `claimedBy`. Heartbeats are hidden; silenced and
 * inhibited alerts stay in the lists, marked, but are not counted as firing.
 */
export async function buildTeamAlerts(options: {
  owner: string;
  groups: string[];
  ownership: CatalogOwnership;
  credentials: BackstageCredentials;
  config: DataOpsConfig;
  /** The environment's Alertmanager client; `undefined` when it has none. */
  alertmanager(env: string): AlertmanagerClient | undefined;
}): Promise<TeamAlertsResponse> {
  const { config, ownership } = options;
  const groups = new Set(options.groups);
  const [index, read] = await Promise.all([
    ownership.index(),
    readAttributedAlerts({ config, alertmanager: options.alertmanager }),
  ]);
  const claimed: Array<{
    alert: ActiveAlert;
    env: string;
    targets: AlertTarget[];
  }> = [];
  const candidates = new Set<string>();
  for (const { env, alert } of read.alerts) {
    const targets = index.targets(alert.labels, env);
    if (targets.some(t => groups.has(t.owner))) {
      claimed.push({ alert, env, targets });
      targets.forEach(t => candidates.add(t.entityRef));
    }
  }
  const visible = await ownership.visibleEntities(
    candidates,
    options.credentials,
  );
  const entities = new Map<string, TeamAlertsEntity>();
  for (const { alert, env, targets } of claimed) {
    const seen = targets.filter(t => visible.has(t.entityRef));
    const home = seen.find(t => groups.has(t.owner));
    if (!home) {
      continue;
    }
    let entry = entities.get(home.entityRef);
    if (!entry) {
      entry = {
        entityRef: home.entityRef,
        owner: home.owner,
        alertsByPriority: emptyByPriority(),
      };
      entities.set(home.entityRef, entry);
    }
    entry.alertsByPriority[alert.priority].push({
      ...alert,
      entityRef: home.entityRef,
      env,
      ...(targets.length > 1
        ? {
            claimedBy: seen.map(t => t.entityRef),
            ...(seen.length < targets.length
              ? { claimedByHidden: targets.length - seen.length }
              : {}),
          }
        : {}),
    });
  }
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
  const environments: TeamAlertsEnvironment[] = config.environments.map(
    ({ name: env }): TeamAlertsEnvironment => {
      const error = read.failed.get(env);
      if (error) {
        return { env, status: 'error', error };
      }
      return read.notConfigured.includes(env)
        ? { env, status: 'not-configured', source: 'alertmanager' }
        : { env, status: 'ok' };
    },
  );
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
