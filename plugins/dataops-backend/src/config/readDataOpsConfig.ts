import type { Config } from '@backstage/config';
import {
  DEFAULT_PRIORITY_MAPPING,
  Priority,
  PriorityMapping,
  isPriority,
  isValidEnvironmentName,
} from '@dataops-observability/plugin-dataops-common';
import { DEFAULT_MAX_RESPONSE_BYTES } from '@dataops-observability/plugin-dataops-node';
import { checkQueryTemplate } from './checkQueryTemplate';
import { readStorageConfig } from './readStorageConfig';
import { readProfileConfig, readStaleAfterSeconds } from './readProfileConfig';
import { DataOpsConfig, EnvironmentConfig, PanelOverride } from './types';
import { readSloConfig } from './readSloConfig';

export const DEFAULT_TIMEOUT_MS = 10_000;

function readEnvironment(config: Config, index: number): EnvironmentConfig {
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
      throw new Error('timeoutMs must be between 1 and 300000');
    }
    const maxResponseBytes =
      config.getOptionalNumber('maxResponseBytes') ??
      DEFAULT_MAX_RESPONSE_BYTES;
    if (!Number.isInteger(maxResponseBytes) || maxResponseBytes < 1024) {
      throw new Error('maxResponseBytes must be an integer of at least 1024');
    }
    return {
      name,
      timeoutMs,
      maxResponseBytes,
      profile: readProfileConfig(config.getOptionalConfig('profile')),
      staleAfterSeconds: readStaleAfterSeconds(config),
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

function checkPriority(value: string, key: string): Priority {
  if (!isPriority(value)) {
    throw new Error(
      `Invalid dataops.${key}: '${value}' is not one of P1 P2 P3 P4`,
    );
  }
  return value;
}

/**
 * `dataops.priorities` over the defaults, and `dataops.defaultPriority` for any other severity. Severity
 * names are compared in lower case, as alerts are.
 */
function readPriorityMapping(config: Config | undefined): PriorityMapping {
  const severities = new Map(DEFAULT_PRIORITY_MAPPING.severities);
  const configured = config?.getOptionalConfig('priorities');
  for (const severity of configured?.keys() ?? []) {
    severities.set(
      severity.toLowerCase(),
      checkPriority(configured!.getString(severity), `priorities.${severity}`),
    );
  }
  const fallback = config?.getOptionalString('defaultPriority');
  return {
    severities,
    unknownSeverity: fallback
      ? checkPriority(fallback, 'defaultPriority')
      : DEFAULT_PRIORITY_MAPPING.unknownSeverity,
  };
}

/**
 * Reads and validates the plugin-wide `dataops` configuration once at start-up: the environments (name,
 * timeout, answer size limit), priorities, panels, storage, SLO and cache settings. Each environment's
 * sources are read by the sources themselves (see `src/sources`). Every problem stops the backend with a
 * message naming the environment and field, because a half-working configuration would show up as
 * confusing per-panel errors much later.
 */
export function readDataOpsConfig(root: Config): DataOpsConfig {
  const config = root.getOptionalConfig('dataops');
  const environments = (
    config?.getOptionalConfigArray('environments') ?? []
  ).map((env, index) => readEnvironment(env, index));
  const names = new Set<string>();
  for (const env of environments) {
    if (names.has(env.name)) {
      throw new Error(
        `Invalid dataops environment '${env.name}': duplicate name`,
      );
    }
    names.add(env.name);
  }
  const priorities = readPriorityMapping(config);
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
