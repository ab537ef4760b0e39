import type { HealthLevel } from '../api/types';

/**
 * How bad each level is, higher is worse. `unknown` ranks above `healthy` (missing data may hide a problem)
 * but below real warnings, so a known problem is never masked by a part that has no data.
 * @public
 */
export const HEALTH_LEVEL_RANK: Readonly<Record<HealthLevel, number>> = {
  healthy: 0,
  unknown: 1,
  warning: 2,
  critical: 3,
};

/**
 * The worst of some levels by {@link HEALTH_LEVEL_RANK}. An empty list is `unknown`: nothing was judged, and
 * nothing judged must not look healthy.
 * @public
 */
export function worstLevel(levels: readonly HealthLevel[]): HealthLevel {
  if (levels.length === 0) {
    return 'unknown';
  }
  return levels.reduce((worst, level) =>
    HEALTH_LEVEL_RANK[level] > HEALTH_LEVEL_RANK[worst] ? level : worst,
  );
}
