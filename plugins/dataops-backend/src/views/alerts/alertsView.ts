import {
  ActiveAlert,
  AlertsData,
  PRIORITIES,
} from '@dataops-observability/plugin-dataops-common';
import {
  DataOpsSourceError,
  DataOpsView,
} from '@dataops-observability/plugin-dataops-node';
import { alertmanagerSource } from '../../sources';
import { normalizeRef } from '../../teams/ownership';
import { entityMatchers, ViewDependencies } from '../shared';

/**
 * `alerts`: the alerts of the environment that the ownership index gives this entity, the same index and
 * the same attributed read of every Alertmanager the team view uses, so the entity card and the team view
 * always show the same owner (docs/alerts.md):
 *
 * - an alert belongs to the environment the attribution rule names, whichever Alertmanager returned it;
 * - a `backstage_entity` label decides alone; otherwise the most specific identifying selector wins, so a
 *   namespace-wide entity does not list the alerts of a workload that has its own entity;
 * - an alert claimed by several equally specific selectors is listed on each claimant's card with
 *   `claimedBy` naming them all.
 *
 * Heartbeat alerts are hidden; silenced and inhibited ones are kept and marked, so a team sees what is
 * muted.
 */
export function createAlertsView(
  deps: ViewDependencies,
): DataOpsView<AlertsData> {
  return {
    name: 'alerts',
    ttlSeconds: 15,
    area: 'alerts',
    async run(ctx) {
      const env = ctx.env.name;
      // An environment without an Alertmanager answers `not-configured`, as every view's does.
      ctx.source(alertmanagerSource);
      try {
        // A malformed selector is the entity's own problem and answers 400 naming it, as on every view;
        // the ownership index only skips it.
        entityMatchers(ctx.entity, env, 'alertmanager');
      } catch (e) {
        // Without a selector the entity can still be named by the `backstage_entity` label.
        if (!(e instanceof DataOpsSourceError)) {
          throw e;
        }
      }
      const [index, read] = await Promise.all([
        deps.alertOwnership.index().catch(e => {
          // Ownership comes from the catalog: when it can not be read, this environment answers an
          // upstream error, and the summary's other areas still answer.
          ctx.logger.warn(`alert ownership could not be read: ${e}`);
          throw new DataOpsSourceError({
            type: 'BAD_RESPONSE',
            source: 'catalog',
            message: 'the catalog could not be read to decide alert ownership',
          });
        }),
        deps.alertOwnership.readAlerts(),
      ]);
      const failed = read.failed.get(env);
      if (failed) {
        throw new DataOpsSourceError(failed);
      }
      const self = normalizeRef(ctx.entityRef);
      const alerts: ActiveAlert[] = [];
      for (const { env: alertEnv, alert } of read.alerts) {
        if (alertEnv !== env) {
          continue;
        }
        const targets = index.targets(alert.labels, env);
        if (!targets.some(t => t.entityRef === self)) {
          continue;
        }
        alerts.push({
          ...alert,
          env,
          ...(targets.length > 1
            ? { claimedBy: targets.map(t => t.entityRef) }
            : {}),
        });
      }
      alerts.sort(
        (x, y) =>
          PRIORITIES.indexOf(x.priority) - PRIORITIES.indexOf(y.priority) ||
          x.startsAt.localeCompare(y.startsAt),
      );
      return { alerts };
    },
    async forCaller(data, { credentials }) {
      // The cached answer names every claimant; a caller sees only those they may read, and a count.
      const claimants = new Set(data.alerts.flatMap(a => a.claimedBy ?? []));
      if (claimants.size === 0) {
        return data;
      }
      const visible = await deps.alertOwnership.visibleEntities(
        claimants,
        credentials,
      );
      return {
        ...data,
        alerts: data.alerts.map(alert => {
          if (!alert.claimedBy) {
            return alert;
          }
          const seen = alert.claimedBy.filter(ref =>
            visible.has(normalizeRef(ref)),
          );
          const hidden = alert.claimedBy.length - seen.length;
          return {
            ...alert,
            claimedBy: seen,
            ...(hidden > 0 ? { claimedByHidden: hidden } : {}),
          };
        }),
      };
    },
    summarize(data) {
      const firing = data.alerts.filter(a => a.state === 'active');
      if (firing.length === 0) {
        const muted = data.alerts.length - firing.length;
        return {
          level: 'healthy',
          reason: muted
            ? `no firing alerts (${muted} silenced or inhibited)`
            : 'no firing alerts',
        };
      }
      const top = firing[0];
      const levels = {
        P1: 'critical',
        P2: 'critical',
        P3: 'warning',
        P4: 'healthy',
      } as const;
      const level = levels[top.priority];
      return {
        level,
        reason: `${firing.length} firing, highest ${top.priority}: ${top.name}`,
      };
    },
  };
}
