import type { Config } from '@backstage/config';
import type { Thresholds } from '@dataops-observability/plugin-dataops-common';
import { checkQueryTemplate } from './checkQueryTemplate';
import type { StorageCheckOverride, StorageSettings } from './types';

const DEFAULT_SPARK_CATALOG = 'lake';
/** Pipeline latency target of docs/platform-rules.md, layer 6 (P95 < 1 h) doubles as the table freshness default. */
const DEFAULT_FRESHNESS_SECONDS = 3600;
/** The catalog name is pasted into CALL statements users copy, so keep it to an identifier. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

function readThresholds(config: Config, where: string): Thresholds {
  const direction = config.getString('direction');
  if (direction !== 'above' && direction !== 'below') {
    throw new Error(`${where}: thresholds.direction must be above or below`);
  }
  return {
    direction,
    warning: config.getOptionalNumber('warning'),
    critical: config.getOptionalNumber('critical'),
  };
}

function readCheck(config: Config, id: string): StorageCheckOverride {
  const where = `Invalid dataops.storage.checks.${id}`;
  const query = config.getOptionalString('query');
  checkQueryTemplate(query, where);
  const thresholds = config.getOptionalConfig('thresholds');
  return {
    title: config.getOptionalString('title'),
    unit: config.getOptionalString('unit'),
    query,
    thresholds: thresholds && readThresholds(thresholds, where),
    enabled: config.getOptionalBoolean('enabled'),
  };
}

/**
 * Reads `dataops.storage`. Which check ids exist is known to the storage view, which rejects unknown ones
 * when it is created at start-up; here only shapes and PromQL syntax are checked.
 */
export function readStorageConfig(config?: Config): StorageSettings {
  const sparkCatalog =
    config?.getOptionalString('sparkCatalog') ?? DEFAULT_SPARK_CATALOG;
  if (!IDENTIFIER.test(sparkCatalog)) {
    throw new Error(
      `Invalid dataops.storage.sparkCatalog '${sparkCatalog}': must be an identifier`,
    );
  }
  const freshnessTargetSeconds =
    config?.getOptionalNumber('freshnessTargetSeconds') ??
    DEFAULT_FRESHNESS_SECONDS;
  if (!(freshnessTargetSeconds > 0)) {
    throw new Error(
      'Invalid dataops.storage.freshnessTargetSeconds: must be a positive number',
    );
  }
  const checksConfig = config?.getOptionalConfig('checks');
  const checks: Record<string, StorageCheckOverride> = {};
  for (const id of checksConfig?.keys() ?? []) {
    checks[id] = readCheck(checksConfig!.getConfig(id), id);
  }
  return { sparkCatalog, freshnessTargetSeconds, checks };
}
