import {
  extractVectorSelectors,
  sliTemplateFromProfile,
} from '@dataops-observability/plugin-dataops-common';
import type { DataOpsConfig } from '../config';
import { profileSelectionFor } from '../profiles';
import { resolvePanels } from '../views/metrics/resolvePanels';
import { resolveChecks } from '../views/storage/resolveChecks';

/** What reads series: a panel, a storage check or an SLI. */
export type ConsumerKind = 'panel' | 'storage-check' | 'sli';

/** One panel, check or SLI and the metric names its queries read. */
export interface SeriesConsumer {
  kind: ConsumerKind;
  id: string;
  title: string;
  /** Entity type for panels and SLIs, storage kind (`s3`, `ceph`...) for storage checks. */
  scope: string;
  /** Metric names exactly as queried (`x_count`, not `x`). */
  series: string[];
}

/** The entity types the suite has default panels and SLIs for (docs/api.md, "Entities"). */
export const INVENTORY_ENTITY_TYPES = [
  'spark-job',
  'airflow-dag',
  'iceberg-table',
] as const;

function metricNames(queries: Array<string | undefined>): string[] {
  const names = new Set<string>();
  for (const query of queries) {
    for (const selector of query ? extractVectorSelectors(query) : []) {
      const name = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(selector)?.[0];
      if (name) names.add(name);
    }
  }
  return [...names].sort();
}

/**
 * Every panel, SLI and storage check configured for one environment (configured overrides on top of the
 * environment's exporter profiles), with the series each reads. Templates still hold `${placeholders}`;
 * only the metric names matter here.
 */
export function neededSeries(
  config: DataOpsConfig,
  env: string,
  entityTypes: readonly string[],
): SeriesConsumer[] {
  const consumers: SeriesConsumer[] = [];
  for (const type of entityTypes) {
    const selection = profileSelectionFor(config, env, type);
    for (const panel of resolvePanels(type, config.panels, selection)) {
      consumers.push({
        kind: 'panel',
        id: panel.id,
        title: panel.title,
        scope: type,
        // The fallback only runs when the main query is not collected; it is listed for completeness.
        series: metricNames([panel.query]),
      });
    }
    const sli =
      config.slo.templates[type] ?? sliTemplateFromProfile(type, selection);
    if (sli) {
      consumers.push({
        kind: 'sli',
        id: sli.id,
        title: sli.name,
        scope: type,
        series: metricNames([...sli.goodEvents, ...sli.totalEvents]),
      });
    }
  }
  for (const check of resolveChecks(
    config.storage,
    profileSelectionFor(config, env, ''),
  )) {
    consumers.push({
      kind: 'storage-check',
      id: check.id,
      title: check.title,
      scope: check.kind,
      series: metricNames([check.query]),
    });
  }
  return consumers;
}
