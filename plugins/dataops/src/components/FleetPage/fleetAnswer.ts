import type { HealthLevel } from '@dataops-observability/plugin-dataops-common';
import {
  HEALTH_LEVEL_RANK,
  worstLevel,
} from '@dataops-observability/plugin-dataops-common';

/** One environment of one workload: the worst area of its Overview there. */
export interface FleetCell {
  env: string;
  level: HealthLevel;
  word: string;
  reason: string;
  /** The area the level comes from (`runs`, `metrics`, …); absent when no area could be judged. */
  area?: string;
  /** When the backend computed the cell (ISO 8601); a cell may be served for a while after. */
  computedAt?: string;
}

/** One workload of the fleet. */
export interface FleetRow {
  entityRef: string;
  title: string;
  type?: string;
  owner?: string;
  system?: string;
  /** The computed cells; an environment still computing is absent here and listed in `pending`. */
  cells: FleetCell[];
  pending: string[];
}

/** The answer of `GET /v1/fleet` (docs/fleet.md, docs/api.md "Fleet"). */
export interface FleetAnswer {
  environments: string[];
  /** The owner groups the rows are for (the caller's own groups when no owner filter was given). */
  owners?: string[];
  counts: Partial<Record<HealthLevel, number>>;
  truncated: boolean;
  rows: FleetRow[];
}

/** Levels from worst to best: the order of the counts and of the rows. */
export const LEVELS_WORST_FIRST: HealthLevel[] = [
  'critical',
  'warning',
  'unknown',
  'healthy',
];

/** How many cells are in, out of how many the matrix has; `pending` while any is still computing. */
export function cellProgress(answer: FleetAnswer): {
  computed: number;
  total: number;
  pending: boolean;
} {
  let computed = 0;
  let pending = false;
  for (const row of answer.rows) {
    computed += row.cells.filter(c =>
      answer.environments.includes(c.env),
    ).length;
    if (row.pending.length > 0) pending = true;
  }
  return {
    computed,
    total: answer.rows.length * answer.environments.length,
    pending,
  };
}

/**
 * Rows worst first by their worst computed cell, the answer's order kept among equals. The backend sorts the
 * same way; sorting again keeps the page right whatever order an answer comes in.
 */
export function worstFirst(rows: FleetRow[]): FleetRow[] {
  const rank = (row: FleetRow) =>
    HEALTH_LEVEL_RANK[worstLevel(row.cells.map(c => c.level))];
  return rows
    .map((row, index) => ({ row, index, rank: rank(row) }))
    .sort((a, b) => b.rank - a.rank || a.index - b.index)
    .map(r => r.row);
}
