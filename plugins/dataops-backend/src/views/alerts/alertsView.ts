import type {
  ActiveAlert,
  AlertsData,
  Priority,
} from '@dataops-observability/plugin-dataops-common';
import type { DataOpsView } from '@dataops-observability/plugin-dataops-node';
import { alertmanagerSource } from '../../sources';
import { ENTITY_LABEL, toActiveAlert } from '../../teams';
import { entityMatchers, ViewDependencies } from '../shared';

const PRIORITY_ORDER: Priority[] = ['P1', 'P2', 'P3', 'P4'];

/**
 * `alerts`: the environment's Alertmanager alerts that match the entity's selector labels or name the
 * entity in `backstage_entity`. Heartbeat alerts are hidden; silenced and inhibited ones are kept and
 * marked, so a team sees what is muted.
 */
export function createAlertsView(
  deps: ViewDependencies,
): DataOpsView<AlertsData> {
  return {
    name: 'alerts',
    ttlSeconds: 15,
    area: 'alerts',
    async run(ctx) {
      const client = ctx.source(alertmanagerSource);
      let bySelector: Promise<any[]> = Promise.resolve([]);
      try {
        const matchers = entityMatchers(
          ctx.entity,
          ctx.env.name,
          'alertmanager',
        );
        if (matchers.length) {
          bySelector = client.getAlerts(matchers, ctx.signal);
        }
      } catch (e) {
        // Without a selector the entity can still be named by label.
        if ((e as Error).name !== 'DataOpsSourceError') {
          throw e;
        }
      }
      const [a, b] = await Promise.all([
        bySelector,
        client.getAlerts(
          [{ name: ENTITY_LABEL, op: '=', value: ctx.entityRef }],
          ctx.signal,
        ),
      ]);
      const hidden = new Set(deps.config.hiddenAlerts);
      const seen = new Map<string, ActiveAlert>();
      for (const raw of [...a, ...b]) {
        const alert = toActiveAlert(raw, deps.config.priorities);
        if (!hidden.has(alert.name) && !seen.has(alert.fingerprint)) {
          seen.set(alert.fingerprint, { ...alert, env: ctx.env.name });
        }
      }
      const alerts = [...seen.values()].sort(
        (x, y) =>
          PRIORITY_ORDER.indexOf(x.priority) -
            PRIORITY_ORDER.indexOf(y.priority) ||
          x.startsAt.localeCompare(y.startsAt),
      );
      return { alerts };
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
