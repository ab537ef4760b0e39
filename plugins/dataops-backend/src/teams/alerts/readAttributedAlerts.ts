import type {
  ActiveAlert,
  UpstreamError,
} from '@dataops-observability/plugin-dataops-common';
import { DataOpsSourceError } from '@dataops-observability/plugin-dataops-node';
import type { DataOpsConfig } from '../../config';
import { AlertmanagerClient, AlertmanagerTopology } from '../../sources';
import { toActiveAlert } from './toActiveAlert';

/** An alert with the one environment it belongs to, and Alertmanager's raw item (for `endsAt`). */
export interface AttributedAlert {
  env: string;
  alert: ActiveAlert;
  raw: any;
}

/** Every visible alert of every Alertmanager, each once, in its environment. */
export interface AttributedAlerts {
  alerts: AttributedAlert[];
  /** Environments whose Alertmanager answered. */
  answered: Set<string>;
  /** Environments whose Alertmanager failed, with the error. */
  failed: Map<string, UpstreamError>;
  /** Environments without an Alertmanager. */
  notConfigured: string[];
}

/**
 * Reads each distinct Alertmanager once (however many environments share it) and gives every alert the
 * environment the attribution rule names (see `AlertmanagerTopology.attribute`). Heartbeats are dropped;
 * an alert returned twice for one environment (two Alertmanagers both holding it) is kept once. A failing
 * Alertmanager marks the environments pointing at it failed; errors other than upstream ones are bugs and
 * propagate.
 */
export async function readAttributedAlerts(options: {
  config: DataOpsConfig;
  alertmanager(env: string): AlertmanagerClient | undefined;
}): Promise<AttributedAlerts> {
  const { config, alertmanager } = options;
  const topology = AlertmanagerTopology.of(config.environments);
  const hidden = new Set(config.hiddenAlerts);
  const result: AttributedAlerts = {
    alerts: [],
    answered: new Set(),
    failed: new Map(),
    notConfigured: config.environments
      .map(e => e.name)
      .filter(env => !alertmanager(env)),
  };
  const seen = new Set<string>();
  const reads = topology.upstreams.map(async upstream => {
    const home = upstream.environments[0];
    const client = alertmanager(home);
    if (!client) {
      return undefined;
    }
    try {
      const raw = await client.getAlerts([]);
      upstream.environments.forEach(env => result.answered.add(env));
      return { home, raw };
    } catch (e) {
      if (!(e instanceof DataOpsSourceError)) {
        throw e;
      }
      for (const env of upstream.environments) {
        result.failed.set(env, e.toUpstreamError());
      }
      return undefined;
    }
  });
  for (const read of await Promise.all(reads)) {
    for (const item of read?.raw ?? []) {
      const alert = toActiveAlert(item, config.priorities);
      if (hidden.has(alert.name)) {
        continue;
      }
      const env = topology.attribute(alert.labels, read!.home);
      const key = `${env}\u0000${alert.fingerprint}`;
      if (alert.fingerprint && seen.has(key)) {
        continue;
      }
      seen.add(key);
      result.alerts.push({ env, alert, raw: item });
    }
  }
  return result;
}
