import {
  AREAS,
  EnvironmentResult,
  HEALTH_LEVEL_RANK,
  HealthLevel,
  SummaryData,
} from '@dataops-observability/plugin-dataops-common';
import type { FleetCell } from './computeFleet';

const LEVEL_WORDS = new Map<HealthLevel, string>([
  ['healthy', 'Healthy'],
  ['warning', 'Warning'],
  ['critical', 'Critical'],
  ['unknown', 'Unknown'],
]);

/** Failures that asking again may not repeat. */
const isTransient = (type: string) =>
  type === 'UPSTREAM_TIMEOUT' || type === 'UPSTREAM_ERROR';

/**
 * The worst area of one summary entry, as the fleet and pipeline views show it. An area the entity is not
 * set up for (no log index on a table, no Argo CD application, no source in that environment) does not
 * count: it is not unknown health, and counting it would turn every table's row grey. An environment that
 * could not answer is `unknown` with why.
 */
export function rollUpSummary(
  result: EnvironmentResult<SummaryData> | undefined,
): FleetCell {
  if (!result) {
    return { level: 'unknown', word: 'Unknown', reason: 'not deployed here' };
  }
  if (result.status === 'error') {
    return {
      level: 'unknown',
      word: 'Unknown',
      reason: `${result.error.source}: ${result.error.message}`,
      ...(isTransient(result.error.type) ? { failed: true } : {}),
    };
  }
  if (result.status === 'not-configured') {
    return {
      level: 'unknown',
      word: 'Unknown',
      reason: `${result.source} is not configured`,
    };
  }
  let worst: FleetCell | undefined;
  let failed = false;
  for (const area of AREAS) {
    const status = result.data.areas[area];
    if (!status || status.cause === 'not-set-up') {
      continue;
    }
    failed ||=
      status.cause === 'timed-out' || status.cause === 'upstream-failed';
    if (
      !worst ||
      HEALTH_LEVEL_RANK[status.level] > HEALTH_LEVEL_RANK[worst.level]
    ) {
      worst = {
        level: status.level,
        word: LEVEL_WORDS.get(status.level) ?? status.level,
        reason: `${area}: ${status.reason}`,
        area,
      };
    }
  }
  if (!worst) {
    return {
      level: 'unknown',
      word: 'Unknown',
      reason: 'no area is set up for this entity here',
    };
  }
  return failed ? { ...worst, failed: true } : worst;
}

/** True when some area of the entry did not answer in time: asking again soon may judge it. */
export function hasTimedOutArea(
  result: EnvironmentResult<SummaryData> | undefined,
): boolean {
  if (result?.status === 'error') {
    return result.error.type === 'UPSTREAM_TIMEOUT';
  }
  return (
    result?.status === 'ok' &&
    AREAS.some(area => result.data.areas[area]?.cause === 'timed-out')
  );
}
