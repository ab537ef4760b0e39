import {
  MetricPanel,
  StorageCheck,
  evaluateThresholds,
} from '@dataops-observability/plugin-dataops-common';
import type { IcebergTableStats } from '../../sources';
import type { StorageCheckDefinition } from './defaultChecks';
import type { StorageTarget } from './parseStorageTargets';

const CEPH_HEALTH = ['HEALTH_OK', 'HEALTH_WARN', 'HEALTH_ERR'];

export function checkId(def: StorageCheckDefinition, target: StorageTarget) {
  return `${def.id}@${target.name}`;
}

function base(def: StorageCheckDefinition, target: StorageTarget) {
  return {
    id: checkId(def, target),
    title: def.title,
    target: `${target.kind}:${target.name}`,
    unit: def.unit,
    ...(def.thresholds ? { threshold: def.thresholds } : {}),
  };
}

/** Ceph reports health as 0/1/2; the words are what operators search for. */
function displayValue(
  def: StorageCheckDefinition,
  value: number | null,
): number | string | null {
  if (def.unit === 'ceph-health' && value !== null) {
    return CEPH_HEALTH[value] ?? String(value);
  }
  return value;
}

/** A check as the metrics view's panel runner classified it (ok / empty / not-collected / error). */
export function fromPanel(
  panel: MetricPanel,
  def: StorageCheckDefinition,
  target: StorageTarget,
): StorageCheck {
  // A stale value is still shown (with its age), but never judged: the level stays unknown.
  const value =
    panel.state === 'ok' || panel.state === 'stale'
      ? panel.lastValue ?? null
      : null;
  // The series whose last value decided the level is the one worth drawing.
  const series =
    panel.series.find(s =>
      s.points.some(p => p[1] !== null && p[1] === value),
    ) ?? panel.series[0];
  return {
    ...base(def, target),
    value: displayValue(def, value),
    level: panel.state === 'ok' ? panel.level : 'unknown',
    state: panel.state,
    ...(panel.stateReason ? { stateReason: panel.stateReason } : {}),
    source: 'prometheus',
    query: panel.query,
    ...(series ? { sparkline: series.points } : {}),
    ...(panel.newestSampleAgeSeconds !== undefined
      ? { newestSampleAgeSeconds: panel.newestSampleAgeSeconds }
      : {}),
  };
}

/** A check failed before or while its query ran. */
export function failedCheck(
  def: StorageCheckDefinition,
  target: StorageTarget,
  reason: string,
  query = def.query,
): StorageCheck {
  return {
    ...base(def, target),
    value: null,
    level: 'unknown',
    state: 'error',
    stateReason: reason,
    source: 'prometheus',
    query,
  };
}

function catalogValue(
  def: StorageCheckDefinition,
  stats: IcebergTableStats,
  nowMs: number,
): number | undefined {
  switch (def.catalogStatistic) {
    case 'snapshots':
      return stats.snapshotCount;
    case 'data-files':
      return stats.dataFiles;
    case 'last-commit-age':
      return stats.lastCommitMs === undefined
        ? undefined
        : Math.max(0, Math.round((nowMs - stats.lastCommitMs) / 1000));
    default:
      return undefined;
  }
}

/**
 * The catalog's answer replaces the exporter's value (the metadata is the source of truth); the exporter's
 * history, when there is one, still draws the sparkline.
 */
export function fromCatalog(
  def: StorageCheckDefinition,
  target: StorageTarget,
  stats: IcebergTableStats,
  nowMs: number,
  exporter?: StorageCheck,
): StorageCheck {
  const value = catalogValue(def, stats, nowMs);
  const sparkline =
    exporter?.state === 'ok' && exporter.sparkline
      ? { sparkline: exporter.sparkline }
      : {};
  if (value === undefined) {
    return {
      ...base(def, target),
      value: null,
      level: 'unknown',
      state: 'empty',
      stateReason:
        stats.currentSnapshotId === undefined
          ? 'the table has no current snapshot in the Iceberg catalog'
          : 'the current snapshot summary does not record this statistic',
      source: 'iceberg-rest',
      query: stats.requestPath,
      ...sparkline,
    };
  }
  return {
    ...base(def, target),
    value,
    level: evaluateThresholds(value, def.thresholds),
    state: 'ok',
    source: 'iceberg-rest',
    query: stats.requestPath,
    ...sparkline,
  };
}
