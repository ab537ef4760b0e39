import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  AREAS,
  EnvironmentResult,
  HEALTH_LEVEL_RANK,
  HealthLevel,
  SummaryData,
  parseTimeRange,
} from '@dataops-observability/plugin-dataops-common';
import type { EntityViewService } from '../entityViews';
import { FleetCellStore } from './FleetCellStore';
import {
  FleetCell,
  FleetEntity,
  FleetResult,
  computeFleet,
} from './computeFleet';

const PAGE_SIZE = 500;
const LEVEL_WORDS = new Map<HealthLevel, string>([
  ['healthy', 'Healthy'],
  ['warning', 'Warning'],
  ['critical', 'Critical'],
  ['unknown', 'Unknown'],
]);

export interface FleetFilters {
  owners: string[];
  types?: string[];
  systems?: string[];
  lifecycles?: string[];
  envs: string[];
}

export interface FleetLimits {
  maxConcurrentEntities: number;
  maxEntities: number;
  deadlineMs: number;
  /** A computed cell is served as it is for this long (see FleetCellStore). */
  cellFreshMs?: number;
  /** ... and, while computed again, until it is this old. */
  cellMaxAgeMs?: number;
}

/** Without configuration: a cell is fresh for a minute and served while recomputed for 15. */
const DEFAULT_CELL_FRESH_MS = 60_000;
const DEFAULT_CELL_MAX_AGE_MS = 15 * 60_000;

/** Who a cell was computed for: a summary depends on what the caller may read (its logs cell). */
function callerKey(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  return `${principal.type}:${principal.userEntityRef ?? principal.subject}`;
}

/** An entity belongs to the fleet when it carries any of the suite's annotations. */
export function isAnnotated(entity: Entity) {
  return Object.keys(entity.metadata.annotations ?? {}).some(
    k => k.startsWith('dataops.io/') || k === 'argocd/app-name',
  );
}

const oneOf = (wanted: string[] | undefined, value: unknown) =>
  !wanted?.length || (typeof value === 'string' && wanted.includes(value));

function matchesFilters(
  entity: Entity,
  filters: FleetFilters,
  owners: Set<string>,
) {
  const owned = (entity.relations ?? []).some(
    r =>
      r.type === 'ownedBy' &&
      owners.has(r.targetRef.toLocaleLowerCase('en-US')),
  );
  return (
    owned &&
    oneOf(filters.types, entity.spec?.type) &&
    oneOf(filters.systems, entity.spec?.system) &&
    oneOf(filters.lifecycles, entity.spec?.lifecycle)
  );
}

/** The worst area of one summary entry; an environment that could not answer is `unknown` with why. */
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
  for (const area of AREAS) {
    const status = result.data.areas[area];
    if (
      status &&
      (!worst ||
        HEALTH_LEVEL_RANK[status.level] > HEALTH_LEVEL_RANK[worst.level])
    ) {
      worst = {
        level: status.level,
        word: LEVEL_WORDS.get(status.level) ?? status.level,
        reason: `${area}: ${status.reason}`,
        area,
      };
    }
  }
  return (
    worst ?? { level: 'unknown', word: 'Unknown', reason: 'no area judged' }
  );
}

/**
 * Lists the annotated entities the caller may see (the catalog is asked with the caller's own credentials,
 * so visibility is the catalog's), and rolls each one's summary up per environment through the entity view
 * service and its cache.
 */
export class FleetService {
  private readonly cells: FleetCellStore;

  constructor(
    private readonly options: {
      catalog: CatalogService;
      views: EntityViewService;
      limits: FleetLimits;
      /** Configured environments; with `maxConcurrentEntities` they bound the cells computed at once. */
      environmentCount?: number;
    },
  ) {
    const { limits } = options;
    const environments = Math.max(1, options.environmentCount ?? 1);
    this.cells = new FleetCellStore({
      freshMs: limits.cellFreshMs ?? DEFAULT_CELL_FRESH_MS,
      maxAgeMs: limits.cellMaxAgeMs ?? DEFAULT_CELL_MAX_AGE_MS,
      concurrency: limits.maxConcurrentEntities * environments,
      // Enough for a few callers looking at a full-size fleet at once.
      maxEntries: limits.maxEntities * environments * 4,
    });
  }

  async fleet(
    filters: FleetFilters,
    credentials: BackstageCredentials,
  ): Promise<FleetResult> {
    const entities = await this.listEntities(filters, credentials);
    const byRef = new Map(entities.map(e => [e.summary.ref, e.entity]));
    return computeFleet({
      ...this.options.limits,
      environments: filters.envs,
      entities: entities.map(({ summary }) => summary),
      cell: (summary, env) =>
        this.cells.cell(
          [callerKey(credentials), summary.ref, env].join('\u0000'),
          async () => {
            const answer = await this.options.views.run('summary', {
              entity: byRef.get(summary.ref)!,
              credentials,
              envs: [env],
              range: parseTimeRange({}),
              params: {},
            });
            return rollUpSummary(
              answer.environments.find(e => e.env === env) as
                | EnvironmentResult<SummaryData>
                | undefined,
            );
          },
        ),
    });
  }

  /**
   * The annotated entities of `filters.owners` the caller may see, at most one more than `maxEntities`
   * (so a caller can tell the list was cut). The team report lists its entities here too.
   */
  async listEntities(filters: FleetFilters, credentials: BackstageCredentials) {
    const filter: Record<string, string | string[]> = {
      kind: ['component', 'resource'],
      'relations.ownedBy': filters.owners,
    };
    if (filters.types?.length) filter['spec.type'] = filters.types;
    if (filters.systems?.length) filter['spec.system'] = filters.systems;
    if (filters.lifecycles?.length)
      filter['spec.lifecycle'] = filters.lifecycles;
    const owners = new Set(filters.owners);
    // A user in no group owns nothing; an empty `relations.ownedBy` filter would not mean "nothing" to the catalog.
    if (owners.size === 0) {
      return [];
    }
    const found: { entity: Entity; summary: FleetEntity }[] = [];
    let cursor: string | undefined;
    // Stop reading once past the cap: one more than the cap is enough to say the list was cut.
    do {
      const page = await this.options.catalog.queryEntities(
        cursor ? { cursor, limit: PAGE_SIZE } : { filter, limit: PAGE_SIZE },
        { credentials },
      );
      // The filters are checked here too, so the answer does not depend on how far a catalog implementation
      // (or its test double) honours the query's filter.
      const matching = page.items.filter(
        e => isAnnotated(e) && matchesFilters(e, filters, owners),
      );
      for (const entity of matching) {
        found.push({
          entity,
          summary: {
            ref: stringifyEntityRef(entity),
            title: entity.metadata.title ?? entity.metadata.name,
            type: entity.spec?.type as string | undefined,
            owner: entity.spec?.owner as string | undefined,
            system: entity.spec?.system as string | undefined,
          },
        });
      }
      cursor = page.pageInfo.nextCursor;
    } while (cursor && found.length <= this.options.limits.maxEntities);
    return found;
  }
}
