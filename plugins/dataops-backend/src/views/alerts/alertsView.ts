import {
  ActiveAlert,
  AlertsData,
  LabelMatcher,
  PRIORITIES,
  identifyingMatchers,
} from '@dataops-observability/plugin-dataops-common';
import type { DataOpsView } from '@dataops-observability/plugin-dataops-node';
import { AlertmanagerTopology, alertmanagerSource } from '../../sources';
import { ENTITY_LABEL, toActiveAlert } from '../../teams';
import { entityMatchers, ViewDependencies } from '../shared';

/**
 * `alerts`: the alerts of the environment that name the entity in `backstage_entity` or that its selector
 * claims. A selector claims alerts only through an equality matcher on one of the environment's
 * identifying labels (docs/alerts.md), so a selector of always-true matchers shows nothing here either.
 * An alert counts in the environment the attribution rule gives it, so one Alertmanager shared by several
 * environments (read once for all of them, see `AlertmanagerClient`) shows each alert in one of them only.
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
      const topology = AlertmanagerTopology.of(deps.config.environments);
      const client = ctx.source(alertmanagerSource);
      let bySelector: Promise<any[]> = Promise.resolve([]);
      try {
        const matchers: LabelMatcher[] = entityMatchers(
          ctx.entity,
          env,
          'alertmanager',
        );
        if (
          identifyingMatchers(matchers, topology.identifyingLabels(env)).length
        ) {
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
        if (
          !hidden.has(alert.name) &&
          !seen.has(alert.fingerprint) &&
          topology.attribute(alert.labels, env) === env
        ) {
          seen.set(alert.fingerprint, { ...alert, env });
        }
      }
      const alerts = [...seen.values()].sort(
        (x, y) =>
          PRIORITIES.indexOf(x.priority) - PRIORITIES.indexOf(y.priority) ||
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
