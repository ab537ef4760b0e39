import type { Entity } from '@backstage/catalog-model';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  InventoryEnvironment,
  LabelMatcher,
  entityEnvironments,
  parseStorageList,
  readAnnotation,
  renderQuery,
} from '@dataops-observability/plugin-dataops-common';
import type { DataOpsConfig } from '../config';
import { profileSelectionFor } from '../profiles';
import { SeriesConsumer, neededSeries } from './neededSeries';

/** What the inventory needs of an environment's Prometheus. */
export interface SeriesLookup {
  extraMatchers: LabelMatcher[];
  missingMetrics(
    selectors: string[],
    range: { from: number; to: number },
    signal?: AbortSignal,
  ): Promise<{ data: string[]; warnings: string[] }>;
}

/** The inventory of one environment that answered (wire type in the common package). */
export type EnvironmentInventory = Extract<
  InventoryEnvironment,
  { status: 'ok' }
>;

/** Series that existed in the last hour count as collected: every exporter scrapes more often than that. */
export const INVENTORY_WINDOW_SECONDS = 3600;

/** Which entities a consumer serves in `env`: entities of its type, or using storage of its kind. */
function servedBy(
  consumer: SeriesConsumer,
  entity: Entity,
  env: string,
): boolean {
  if (consumer.kind !== 'storage-check') {
    return entity.spec?.type === consumer.scope;
  }
  if (consumer.scope === 'iceberg') {
    return Boolean(readAnnotation(entity, ANNOTATIONS.icebergTable, env));
  }
  try {
    return parseStorageList(
      readAnnotation(entity, ANNOTATIONS.storage, env),
    ).some(ref => ref.kind === consumer.scope);
  } catch {
    // A malformed annotation is the catalog processor's and the storage view's to report.
    return false;
  }
}

/**
 * The metric inventory of one environment: for the entity types asked, every configured panel, SLI and
 * storage check, which of the series it reads exist in the environment's Prometheus (over the last hour),
 * and which catalog entities would show it as not collected. The check is per environment (the
 * environment's own matchers apply), not per entity: a series that exists for some entities is found.
 */
export async function buildInventory(options: {
  config: DataOpsConfig;
  env: string;
  entityTypes: readonly string[];
  prometheus: SeriesLookup;
  entities: Entity[];
  nowSeconds: number;
  signal?: AbortSignal;
}): Promise<EnvironmentInventory> {
  const { config, env, prometheus, nowSeconds } = options;
  const consumers = neededSeries(config, env, options.entityTypes);
  const names = [...new Set(consumers.flatMap(c => c.series))].sort();
  const range = { from: nowSeconds - INVENTORY_WINDOW_SECONDS, to: nowSeconds };
  const selectors = names.map(name =>
    renderQuery(name, { matchers: prometheus.extraMatchers }),
  );
  const lookup = names.length
    ? await prometheus.missingMetrics(selectors, range, options.signal)
    : { data: [], warnings: [] };
  const missing = new Set(lookup.data);
  const configured = config.environments.map(e => e.name);
  const inEnv = options.entities.filter(e =>
    entityEnvironments(e, configured).includes(env),
  );
  return {
    env,
    status: 'ok',
    profile: { ...profileSelectionFor(config, env, '') },
    checkedRange: range,
    consumers: consumers.map(c => {
      const series = c.series.map(name => ({
        name,
        found: !missing.has(name),
      }));
      const gap = series.some(s => !s.found);
      return {
        ...c,
        series,
        notCollectedEntities: gap
          ? inEnv
              .filter(e => servedBy(c, e, env))
              .map(e => stringifyEntityRef(e))
              .sort()
          : [],
      };
    }),
    missing: [...missing].sort(),
    warnings: lookup.warnings,
  };
}
