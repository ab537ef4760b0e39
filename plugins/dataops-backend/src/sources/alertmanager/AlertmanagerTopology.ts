import type { Config } from '@backstage/config';
import { labelValue } from '@dataops-observability/plugin-dataops-common';
import {
  AlertmanagerConfig,
  DEFAULT_ENV_LABEL,
  DEFAULT_IDENTIFYING_LABELS,
  readAlertmanagerSettings,
} from './readAlertmanagerConfig';

/** One Alertmanager as the configuration names it, and the environments that point at it. */
export interface AlertmanagerUpstream {
  /** The URL and headers, as `AlertmanagerClient.upstreamKey` spells them. */
  key: string;
  /** In configuration order; the first one reads it for all. */
  environments: string[];
}

/** The same URL read with the same headers is the same upstream, whichever environments configure it. */
export function alertmanagerUpstreamKey(config: AlertmanagerConfig): string {
  const headers = Object.entries(config.headers).sort(([a], [b]) =>
    a < b ? -1 : 1,
  );
  return JSON.stringify([config.url, headers]);
}

/**
 * Which environments share which Alertmanager, and the rule that gives each alert one environment: the
 * environment its env label (`envLabel`, default `env`) names when that is a configured environment,
 * otherwise the environment whose Alertmanager returned it; when several environments share that
 * Alertmanager, the first of them in configuration order.
 */
export class AlertmanagerTopology {
  private static readonly memo = new WeakMap<
    readonly { name: string; raw: Config }[],
    AlertmanagerTopology
  >();

  /** Built once per configuration (the environments list is read once at start-up). */
  static of(
    environments: readonly { name: string; raw: Config }[],
  ): AlertmanagerTopology {
    let topology = this.memo.get(environments);
    if (!topology) {
      topology = new AlertmanagerTopology(
        environments.map(env => ({
          name: env.name,
          config: readAlertmanagerSettings(env.raw),
        })),
      );
      this.memo.set(environments, topology);
    }
    return topology;
  }

  private readonly configured: Set<string>;
  private readonly settings = new Map<string, AlertmanagerConfig>();
  private readonly upstreamByEnv = new Map<string, AlertmanagerUpstream>();
  readonly upstreams: AlertmanagerUpstream[] = [];

  constructor(
    environments: { name: string; config: AlertmanagerConfig | undefined }[],
  ) {
    this.configured = new Set(environments.map(e => e.name));
    const byKey = new Map<string, AlertmanagerUpstream>();
    for (const { name, config } of environments) {
      if (!config) {
        continue;
      }
      this.settings.set(name, config);
      const key = alertmanagerUpstreamKey(config);
      let upstream = byKey.get(key);
      if (!upstream) {
        upstream = { key, environments: [] };
        byKey.set(key, upstream);
        this.upstreams.push(upstream);
      }
      upstream.environments.push(name);
      this.upstreamByEnv.set(name, upstream);
    }
  }

  /** Labels whose equality matchers may own alerts in `env`. */
  identifyingLabels(env: string): readonly string[] {
    return (
      this.settings.get(env)?.identifyingLabels ?? DEFAULT_IDENTIFYING_LABELS
    );
  }

  /**
   * The Alertmanager `env` reads (default: the first one configured): its first environment, which alerts
   * without a configured env label belong to, and its env label. Undefined when there is none.
   */
  home(env?: string): { env: string; envLabel: string } | undefined {
    const upstream = env ? this.upstreamByEnv.get(env) : this.upstreams[0];
    const home = upstream?.environments[0];
    return home
      ? {
          env: home,
          envLabel: this.settings.get(home)?.envLabel ?? DEFAULT_ENV_LABEL,
        }
      : undefined;
  }

  /** The environment an alert belongs to, given the environment whose Alertmanager returned it. */
  attribute(labels: Readonly<Record<string, unknown>>, returnedBy: string) {
    const upstream = this.upstreamByEnv.get(returnedBy);
    const home = upstream?.environments[0] ?? returnedBy;
    const envLabel = this.settings.get(home)?.envLabel ?? DEFAULT_ENV_LABEL;
    const named = labelValue(labels, envLabel);
    return this.configured.has(named) ? named : home;
  }
}
