import type { HealthLevel } from '@dataops-observability/plugin-dataops-common';
import {
  HEALTH_LEVEL_RANK,
  worstLevel,
} from '@dataops-observability/plugin-dataops-common';
import { runBounded } from './runBounded';

/** One entity the caller may see, already filtered by the route's query parameters. */
export interface FleetEntity {
  ref: string;
  title: string;
  type?: string;
  owner?: string;
  system?: string;
}

/** The worst area of one entity in one environment (the Overview matrix rolled up). */
export interface FleetCell {
  level: HealthLevel;
  word: string;
  reason: string;
  area?: string;
  /** When the cell was computed (ISO 8601); the fleet page may serve a cell for a while after. */
  computedAt?: string;
  /**
   * Some area behind the cell could not be read (its source timed out or failed): the cell is kept only
   * briefly and never served once old, so the next look asks again (see FleetCellStore).
   */
  failed?: boolean;
}

export interface FleetRow extends FleetEntity {
  /** Environment name to its cell; environments still computing are absent here and listed in `pending`. */
  cells: Map<string, FleetCell>;
  pending: string[];
}

export interface FleetResult {
  rows: FleetRow[];
  counts: Map<HealthLevel, number>;
  /** True when the entity list was cut at `maxEntities`: the caller should narrow its filters. */
  truncated: boolean;
}

export interface ComputeFleetOptions {
  entities: FleetEntity[];
  environments: string[];
  /** Computes one cell; expected to go through the shared view cache so a repeat request is cheap. */
  cell: (entity: FleetEntity, environment: string) => Promise<FleetCell>;
  maxConcurrentEntities: number;
  maxEntities: number;
  deadlineMs: number;
}

/**
 * Computes every cell of the fleet matrix with at most `maxConcurrentEntities` entities in flight and
 * answers at `deadlineMs` with whatever is in. Work still running keeps going (it fills the cache), so the
 * client's next poll finds the pending cells ready.
 */
export async function computeFleet(
  options: ComputeFleetOptions,
): Promise<FleetResult> {
  const { environments } = options;
  const truncated = options.entities.length > options.maxEntities;
  const entities = options.entities.slice(0, options.maxEntities);
  const rows: FleetRow[] = entities.map(e => ({
    ...e,
    cells: new Map(),
    pending: [...environments],
  }));

  await runBounded({
    items: rows,
    concurrency: options.maxConcurrentEntities,
    deadlineMs: options.deadlineMs,
    run: row =>
      Promise.all(
        environments.map(async env => {
          const cell = await options.cell(row, env).catch((e: Error) => ({
            level: 'unknown' as HealthLevel,
            word: 'Unknown',
            reason: `Could not compute: ${e.message}`,
          }));
          row.cells.set(env, cell);
          row.pending = row.pending.filter(p => p !== env);
        }),
      ).then(() => undefined),
  });

  // Snapshot so cells landing after the answer cannot change what was already counted.
  const answered = rows.map(r => ({
    ...r,
    cells: new Map(r.cells),
    pending: [...r.pending],
  }));
  const rank = (r: FleetRow) =>
    HEALTH_LEVEL_RANK[worstLevel([...r.cells.values()].map(c => c.level))];
  answered.sort((a, b) => rank(b) - rank(a) || a.ref.localeCompare(b.ref));

  const counts = new Map<HealthLevel, number>();
  for (const row of answered) {
    for (const cell of row.cells.values()) {
      counts.set(cell.level, (counts.get(cell.level) ?? 0) + 1);
    }
  }
  return { rows: answered, counts, truncated };
}
