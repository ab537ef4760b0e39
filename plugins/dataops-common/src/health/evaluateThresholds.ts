import type { AreaStatus, HealthLevel, Thresholds } from '../api/types';
import { worstLevel } from '../levels';
import { nameList } from './nameList';

/**
 * Level of one value against thresholds. No value (null, NaN, missing) is `unknown`, never `healthy`:
 * absent data must not look like good data. Without thresholds a value is `healthy`.
 * @public
 */
export function evaluateThresholds(
  value: number | null | undefined,
  thresholds?: Thresholds,
): HealthLevel {
  if (value === null || value === undefined || Number.isNaN(value)) {
    return 'unknown';
  }
  if (!thresholds) {
    return 'healthy';
  }
  const breaches = (limit?: number) =>
    limit !== undefined &&
    (thresholds.direction === 'above' ? value > limit : value < limit);
  if (breaches(thresholds.critical)) {
    return 'critical';
  }
  if (breaches(thresholds.warning)) {
    return 'warning';
  }
  return 'healthy';
}

/** One contribution to an area's status, e.g. a panel or an Argo CD application. @public */
export interface LevelInput {
  /** Level of this part. */
  level: HealthLevel;
  /** What was checked, e.g. a panel title. */
  label: string;
  /** Why it has this level, e.g. `82.1% > 80%`. */
  detail?: string;
}

/** A part as named in a reason: its label, with its detail when it has one. */
export function labelWithDetail(input: LevelInput): string {
  return input.detail ? `${input.label} (${input.detail})` : input.label;
}

/**
 * Rolls up the parts of one area into its status: the worst level, with a reason naming the parts that
 * have it, so the overview says what to look at.
 * @public
 */
export function rollupArea(
  inputs: LevelInput[],
  emptyReason = 'nothing to evaluate',
): AreaStatus {
  if (inputs.length === 0) {
    return { level: 'unknown', reason: emptyReason };
  }
  const level = worstLevel(inputs.map(i => i.level));
  const culprits = inputs.filter(i => i.level === level);
  if (level === 'healthy') {
    return {
      level,
      reason: `${inputs.length} of ${inputs.length} healthy`,
    };
  }
  return {
    level,
    reason: `${level}: ${nameList(culprits.map(labelWithDetail))}`,
  };
}
