import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  EnvironmentResult,
  SummaryData,
  parseTimeRange,
} from '@dataops-observability/plugin-dataops-common';
import type { EntityViewService } from '../entityViews';
import { FleetCellStore } from './FleetCellStore';
import { hasTimedOutArea, rollUpSummary } from './rollUpSummary';
import { FleetEntity, FleetResult, computeFleet } from './computeFleet';

const PAGE_SIZE = 500;

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
  /** Pause before asking a summary again whose sources timed out (see `fleet`). */
  cellRetryPauseMs?: number;
}

/** Without configuration: a cell is fresh for a minute and served while recomputed for 15. */
const DEFAULT_CELL_FRESH_MS = 60_000;
const DEFAULT_CELL_MAX_AGE_MS = 15 * 60_000;
/** Long enough for a burst of queued upstream calls to drain, short next to a page's deadline. */
const DEFAULT_CELL_RETRY_PAUSE_MS = 1_000;
/** A cell some of whose sources failed is kept this long at most: long enough to serve one page's polls. */
const FAILED_CELL_FRESH_MS = 15_000;

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

/**
 * Lists the annotated entities the caller may see (the catalog is asked with the caller's own credentials,
 * so visibility is the catalog's), and rolls each one's summary up per environment through the entity view
 * service and its cache.
 */
export class FleetService {
  private readonly cells: FleetCellStore;
  private readonly retryPauseMs: number;

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
    this.retryPauseMs = limits.cellRetryPauseMs ?? DEFAULT_CELL_RETRY_PAUSE_MS;
    const freshMs = limits.cellFreshMs ?? DEFAULT_CELL_FRESH_MS;
    this.cells = new FleetCellStore({
      freshMs,
      failedFreshMs: Math.min(freshMs, FAILED_CELL_FRESH_MS),
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
            const readSummary = async () => {
              const answer = await this.options.views.run('summary', {
                entity: byRef.get(summary.ref)!,
                credentials,
                envs: [env],
                range: parseTimeRange({}),
                params: {},
              });
              return answer.environments.find(e => e.env === env) as
                | EnvironmentResult<SummaryData>
                | undefined;
            };
            let entry = await readSummary();
            // A timeout is often the fleet's own burst queueing behind an upstream's concurrency cap. Asked
            // again after a pause, the parts that answered come from the view cache and only the rest is
            // fetched, so one retry usually judges the cell instead of leaving it unknown.
            if (hasTimedOutArea(entry)) {
              await new Promise(r => setTimeout(r, this.retryPauseMs));
              entry = await readSummary();
            }
            return rollUpSummary(entry);
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
