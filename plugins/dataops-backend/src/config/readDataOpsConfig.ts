import type { Config } from '@backstage/config';
import {
  Priority,
  isValidEnvironmentName,
  parseSelector,
} from '@dataops-observability/plugin-dataops-common';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../clients/http';
import { checkQueryTemplate } from './checkQueryTemplate';
import { readStorageConfig } from './readStorageConfig';
import {
  AlertmanagerConfig,
  ArgoCdInstanceConfig,
  DataOpsConfig,
  EnvironmentConfig,
  IcebergCatalogConfig,
  OpenSearchConfig,
  PanelOverride,
  ThanosConfig,
} from './types';
import { readSloConfig } from './readSloConfig';

export const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_CONCURRENCY = 8;

const DEFAULT_PRIORITIES: Record<string, Priority> = {
  critical: 'P1',
  high: 'P2',
  error: 'P2',
  warning: 'P3',
  medium: 'P3',
  info: 'P4',
  low: 'P4',
  none: 'P4',
};

/** Index patterns are matched literally except for `*`; anything resembling a path or list is refused. */
const INDEX_PATTERN = /^[a-z0-9*][a-z0-9*._-]*$/;

class ConfigProblem extends Error {}

function checkUrl(where: string, url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigProblem(`${where}.url '${url}' is not a valid URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ConfigProblem(`${where}.url must be http or https`);
  }
  if (parsed.username || parsed.password) {
    throw new ConfigProblem(
      `${where}.url must not contain credentials; use the credential fields`,
    );
  }
  return url.replace(/\/+$/, '');
}

function readHeaders(config: Config, key: string): Record<string, string> {
  const headers = config.getOptionalConfig(key);
  const out: Record<string, string> = {};
  for (const name of headers?.keys() ?? []) {
    out[name] = headers!.getString(name);
  }
  return out;
}

function readConcurrency(config: Config, where: string): number {
  const value =
    config.getOptionalNumber('maxConcurrency') ?? DEFAULT_CONCURRENCY;
  if (!Number.isInteger(value) || value < 1) {
    throw new ConfigProblem(
      `${where}.maxConcurrency must be a positive integer`,
    );
  }
  return value;
}

function readThanos(config: Config): ThanosConfig {
  const extra = config.getOptionalString('extraSelector');
  let extraMatchers = [] as ThanosConfig['extraMatchers'];
  if (extra) {
    try {
      extraMatchers = parseSelector(extra);
    } catch (e) {
      throw new ConfigProblem(`thanos.extraSelector: ${(e as Error).message}`);
    }
  }
  return {
    url: checkUrl('thanos', config.getString('url')),
    headers: readHeaders(config, 'headers'),
    dedup: config.getOptionalBoolean('dedup'),
    partialResponse: config.getOptionalBoolean('partialResponse'),
    extraMatchers,
    maxConcurrency: readConcurrency(config, 'thanos'),
  };
}

function readOpenSearch(config: Config): OpenSearchConfig {
  const allowedIndexPatterns = config.getStringArray('allowedIndexPatterns');
  if (allowedIndexPatterns.length === 0) {
    throw new ConfigProblem(
      'opensearch.allowedIndexPatterns must not be empty',
    );
  }
  for (const pattern of allowedIndexPatterns) {
    if (!INDEX_PATTERN.test(pattern)) {
      throw new ConfigProblem(
        `opensearch.allowedIndexPatterns: '${pattern}' is not a lowercase index pattern`,
      );
    }
  }
  const username = config.getOptionalString('username');
  const password = config.getOptionalString('password');
  if (Boolean(username) !== Boolean(password)) {
    throw new ConfigProblem(
      'opensearch needs both username and password, or neither',
    );
  }
  return {
    url: checkUrl('opensearch', config.getString('url')),
    username,
    password,
    allowedIndexPatterns,
    sensitiveFields: config.getOptionalStringArray('sensitiveFields') ?? [],
    timestampField: config.getOptionalString('timestampField') ?? '@timestamp',
    levelField: config.getOptionalString('levelField') ?? 'level',
    messageField: config.getOptionalString('messageField') ?? 'message',
    maxConcurrency: readConcurrency(config, 'opensearch'),
  };
}

/**
 * Argo CD instances the community Argo CD plugin already configures (`argocd.appLocatorMethods` entries of
 * type `config`), by name, with that plugin's top-level `argocd.username`/`password` as their credentials
 * when an instance has none of its own. An adopter who runs both plugins names an instance in an
 * environment instead of repeating its URL and token.
 */
class SharedArgoCdInstances {
  private constructor(
    private readonly byName: ReadonlyMap<string, Config>,
    private readonly fallback: { username?: string; password?: string },
  ) {}

  static fromConfig(root: Config): SharedArgoCdInstances {
    const argocd = root.getOptionalConfig('argocd');
    const byName = new Map<string, Config>();
    for (const method of argocd?.getOptionalConfigArray('appLocatorMethods') ??
      []) {
      if (method.getOptionalString('type') !== 'config') {
        continue;
      }
      for (const instance of method.getOptionalConfigArray('instances') ?? []) {
        byName.set(instance.getString('name'), instance);
      }
    }
    return new SharedArgoCdInstances(byName, {
      username: argocd?.getOptionalString('username'),
      password: argocd?.getOptionalString('password'),
    });
  }

  /** The shared instance called `name`, with credentials resolved, or a problem naming what is missing. */
  resolve(
    name: string,
    where: string,
  ): { url: string; token?: string; username?: string; password?: string } {
    const instance = this.byName.get(name);
    if (!instance) {
      const known = [...this.byName.keys()].join(', ') || 'none';
      throw new ConfigProblem(
        `${where}: has no url, and argocd.appLocatorMethods has no instance named '${name}' (known: ${known})`,
      );
    }
    const token = instance.getOptionalString('token');
    const username = instance.getOptionalString('username');
    const password = instance.getOptionalString('password');
    return {
      url: instance.getString('url'),
      token,
      ...(token || username || password
        ? { username, password }
        : {
            username: this.fallback.username,
            password: this.fallback.password,
          }),
    };
  }
}

function readArgoCd(
  configs: Config[],
  shared: SharedArgoCdInstances,
): ArgoCdInstanceConfig[] {
  const seen = new Set<string>();
  return configs.map((config, index) => {
    const name = config.getString('name');
    const where = `argocd[${index}] '${name}'`;
    if (seen.has(name)) {
      throw new ConfigProblem(`${where}: duplicate instance name`);
    }
    seen.add(name);
    const own = config.has('url')
      ? {
          url: config.getString('url'),
          token: config.getOptionalString('token'),
          username: config.getOptionalString('username'),
          password: config.getOptionalString('password'),
        }
      : shared.resolve(name, where);
    const { token, username, password } = own;
    if (token && (username || password)) {
      throw new ConfigProblem(
        `${where}: set either token or username/password, not both`,
      );
    }
    if (!token && !(username && password)) {
      throw new ConfigProblem(
        `${where}: needs token, or username and password`,
      );
    }
    return {
      name,
      url: checkUrl(where, own.url),
      token,
      username,
      password,
      maxConcurrency: readConcurrency(config, where),
    };
  });
}

function readAlertmanager(config: Config): AlertmanagerConfig {
  return {
    url: checkUrl('alertmanager', config.getString('url')),
    headers: readHeaders(config, 'headers'),
    maxConcurrency: readConcurrency(config, 'alertmanager'),
  };
}

/** Goes into a URL path segment, so only characters that need no encoding are accepted. */
const ICEBERG_PREFIX = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

function readIceberg(config: Config): IcebergCatalogConfig {
  const prefix = config.getOptionalString('prefix');
  if (prefix !== undefined && !ICEBERG_PREFIX.test(prefix)) {
    throw new ConfigProblem(
      `iceberg.prefix '${prefix}' may only contain letters, digits, _ . -`,
    );
  }
  return {
    url: checkUrl('iceberg', config.getString('url')),
    token: config.getOptionalString('token'),
    warehouse: config.getOptionalString('warehouse'),
    prefix,
    maxConcurrency: readConcurrency(config, 'iceberg'),
  };
}

function readEnvironment(
  config: Config,
  index: number,
  shared: SharedArgoCdInstances,
): EnvironmentConfig {
  const name = config.getString('name');
  if (!isValidEnvironmentName(name)) {
    throw new Error(
      `Invalid dataops environment #${index} '${name}': names may only contain letters, digits, _ and -`,
    );
  }
  try {
    const timeoutMs =
      config.getOptionalNumber('timeoutMs') ?? DEFAULT_TIMEOUT_MS;
    if (!(timeoutMs > 0 && timeoutMs <= 300_000)) {
      throw new ConfigProblem('timeoutMs must be between 1 and 300000');
    }
    const maxResponseBytes =
      config.getOptionalNumber('maxResponseBytes') ??
      DEFAULT_MAX_RESPONSE_BYTES;
    if (!Number.isInteger(maxResponseBytes) || maxResponseBytes < 1024) {
      throw new ConfigProblem(
        'maxResponseBytes must be an integer of at least 1024',
      );
    }
    return {
      name,
      timeoutMs,
      maxResponseBytes,
      thanos: config.has('thanos')
        ? readThanos(config.getConfig('thanos'))
        : undefined,
      opensearch: config.has('opensearch')
        ? readOpenSearch(config.getConfig('opensearch'))
        : undefined,
      argocd: readArgoCd(config.getOptionalConfigArray('argocd') ?? [], shared),
      alertmanager: config.has('alertmanager')
        ? readAlertmanager(config.getConfig('alertmanager'))
        : undefined,
      iceberg: config.has('iceberg')
        ? readIceberg(config.getConfig('iceberg'))
        : undefined,
      raw: config,
    };
  } catch (e) {
    throw new Error(
      `Invalid dataops environment '${name}': ${(e as Error).message}`,
    );
  }
}

function readPanels(
  config: Config | undefined,
): Record<string, PanelOverride[]> {
  const out: Record<string, PanelOverride[]> = {};
  for (const type of config?.keys() ?? []) {
    out[type] = config!.getConfigArray(type).map((panel, index) => {
      const id = panel.getString('id');
      const where = `Invalid dataops panel ${type}[${index}] '${id}'`;
      const thresholds = panel.getOptionalConfig('thresholds');
      const direction = thresholds?.getString('direction');
      if (direction && direction !== 'above' && direction !== 'below') {
        throw new Error(
          `${where}: thresholds.direction must be above or below`,
        );
      }
      const override: PanelOverride = {
        id,
        title: panel.getOptionalString('title'),
        unit: panel.getOptionalString('unit'),
        description: panel.getOptionalString('description'),
        query: panel.getOptionalString('query'),
        fallbackQuery: panel.getOptionalString('fallbackQuery'),
        thresholds: thresholds
          ? {
              direction: direction as 'above' | 'below',
              warning: thresholds.getOptionalNumber('warning'),
              critical: thresholds.getOptionalNumber('critical'),
            }
          : undefined,
      };
      checkQueryTemplate(override.query, where);
      checkQueryTemplate(override.fallbackQuery, where);
      return override;
    });
  }
  return out;
}

/**
 * Reads and validates `dataops` configuration once at start-up. Every problem stops the backend with a
 * message naming the environment and field, because a half-working configuration would show up as
 * confusing per-panel errors much later.
 */
export function readDataOpsConfig(root: Config): DataOpsConfig {
  const config = root.getOptionalConfig('dataops');
  const sharedArgoCd = SharedArgoCdInstances.fromConfig(root);
  const environments = (
    config?.getOptionalConfigArray('environments') ?? []
  ).map((env, index) => readEnvironment(env, index, sharedArgoCd));
  const names = new Set<string>();
  for (const env of environments) {
    if (names.has(env.name)) {
      throw new Error(
        `Invalid dataops environment '${env.name}': duplicate name`,
      );
    }
    names.add(env.name);
  }
  const priorities = { ...DEFAULT_PRIORITIES };
  const configured = config?.getOptionalConfig('priorities');
  for (const severity of configured?.keys() ?? []) {
    const priority = configured!.getString(severity);
    if (!/^P[1-4]$/.test(priority)) {
      throw new Error(
        `Invalid dataops.priorities.${severity}: '${priority}' is not one of P1 P2 P3 P4`,
      );
    }
    priorities[severity] = priority as Priority;
  }
  const ttls = config?.getOptionalConfig('cacheTtlSeconds');
  const cacheTtlSeconds: Record<string, number> = {};
  for (const view of ttls?.keys() ?? []) {
    cacheTtlSeconds[view] = ttls!.getNumber(view);
  }
  return {
    environments,
    priorities,
    hiddenAlerts: config?.getOptionalStringArray('hiddenAlerts') ?? [
      'Watchdog',
      'InfoInhibitor',
    ],
    panels: readPanels(config?.getOptionalConfig('panels')),
    storage: readStorageConfig(config?.getOptionalConfig('storage')),
    cacheTtlSeconds,
    slo: readSloConfig(config?.getOptionalConfig('slo')),
  };
}
