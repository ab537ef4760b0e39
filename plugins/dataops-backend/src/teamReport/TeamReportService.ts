import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EnvironmentResult,
  HealthLevel,
  SloData,
  TEAM_REPORT_TARGETS,
  TeamReportBudgetCell,
  TeamReportBudgetRow,
  TeamReportResponse,
  parseTimeRange,
} from '@dataops-observability/plugin-dataops-common';
import type { EntityViewService } from '../entityViews';
import { FleetLimits, FleetService, runBounded } from '../fleet';
import {
  CatalogOwnership,
  EpisodeRow,
  EpisodeStore,
  parseGroupRef,
} from '../teams';
import {
  Detection,
  Period,
  compareMeans,
  detectionFigure,
  incidentsIn,
  meanRecovery,
  noisiestAlerts,
} from './computeTeamReport';
import { DetectionSli, measureDetection } from './measureDetection';

const DAY = 86_400_000;
/** Incidents measured per period, newest first: two periods make at most 50 range queries per report. */
export const MAX_MEASURED_PER_PERIOD = 25;
const MEASURE_CONCURRENCY = 4;
/** Measured detection times kept, by episode; what happened before a firing does not change. */
const DETECTION_CACHE_SIZE = 5000;

const LEVEL_WORDS = new Map<HealthLevel, string>([
  ['healthy', 'Healthy'],
  ['warning', 'Low'],
  ['critical', 'Exhausted'],
  ['unknown', 'Unknown'],
]);

function percent(fraction: number) {
  return `${Math.round(fraction * 100)}%`;
}

/** The `slo` view's answer for one environment, as a cell of the budget table. */
export function budgetCell(
  env: string,
  result: EnvironmentResult<SloData> | undefined,
): TeamReportBudgetCell {
  const unknown = (state: TeamReportBudgetCell['state'], reason: string) => ({
    env,
    state,
    level: 'unknown' as HealthLevel,
    word: state === 'no-slo' ? 'No SLO' : 'Unknown',
    reason,
  });
  if (!result) {
    return unknown('no-slo', `not deployed in ${env}`);
  }
  if (result.status === 'not-configured') {
    return unknown('not-configured', `${result.source} is not configured`);
  }
  if (result.status === 'error') {
    return result.error.type === 'BAD_ANNOTATION'
      ? unknown('no-slo', result.error.message)
      : unknown('error', `${result.error.source}: ${result.error.message}`);
  }
  const data = result.data;
  const slo = { objective: data.objective, window: data.window };
  if (data.state === 'no-traffic' || data.state === 'not-collected') {
    return {
      ...unknown(data.state, data.stateReason ?? data.state),
      ...slo,
      word: data.state === 'no-traffic' ? 'No traffic' : 'Not collected',
    };
  }
  if (data.sli === null) {
    return {
      ...unknown('no-traffic', `no traffic in the last ${data.window}`),
      ...slo,
      word: 'No traffic',
    };
  }
  const remaining = data.errorBudget.remainingFraction;
  return {
    env,
    state: 'ok',
    remainingFraction: remaining,
    ...slo,
    level: data.level,
    word: LEVEL_WORDS.get(data.level) ?? data.level,
    reason:
      remaining <= 0
        ? `error budget exhausted (objective ${data.objective}% over ${data.window})`
        : `${percent(remaining)} of the error budget left (objective ${
            data.objective
          }% over ${data.window})`,
  };
}

/** Least budget first; rows with no number at all last. */
function leastBudget(row: TeamReportBudgetRow) {
  const values = row.cells.flatMap(c =>
    c.remainingFraction === undefined ? [] : [c.remainingFraction],
  );
  return values.length ? Math.min(...values) : Infinity;
}

export interface TeamReportServiceOptions {
  catalog: CatalogService;
  ownership: CatalogOwnership;
  store: EpisodeStore;
  /** Lists the owned annotated entities as the caller. */
  fleet: FleetService;
  views: EntityViewService;
  limits: FleetLimits;
  environments: string[];
  /** The entity's SLI error ratio query in an environment; throws `NotMeasurable` when it has none. */
  sli(entity: Entity, env: string): DetectionSli;
  maxMeasuredPerPeriod?: number;
  now?: () => number;
}

/**
 * The team report of docs/team-report.md: error budgets of every owned annotated entity the caller may
 * see, and the incidents, MTTR, MTTD and noisiest alerts of the period against the previous one.
 */
export class TeamReportService {
  private readonly detections = new Map<string, Detection>();

  constructor(private readonly options: TeamReportServiceOptions) {}

  async report(
    ownerRef: string,
    days: number,
    credentials: BackstageCredentials,
  ): Promise<TeamReportResponse> {
    const { ownership, environments } = this.options;
    const owner = parseGroupRef(ownerRef);
    const tree = await ownership.groupTree(credentials);
    // The incidents route's rule: the group and its sub-groups as far as the caller can see them.
    const groups = tree.groupAndDescendants(owner);
    const now = (this.options.now ?? Date.now)();
    const current: Period = { from: now - days * DAY, to: now };
    const previous: Period = {
      from: current.from - days * DAY,
      to: current.from,
    };

    const [budgets, episodes] = await Promise.all([
      this.budgets(groups, credentials),
      this.episodes(groups, previous.from, credentials),
    ]);
    const thisPeriod = incidentsIn(episodes, current);
    const lastPeriod = incidentsIn(episodes, previous);
    const max = this.options.maxMeasuredPerPeriod ?? MAX_MEASURED_PER_PERIOD;
    const newest = (list: EpisodeRow[]) =>
      [...list]
        .sort((a, b) => b.firedAt - a.firedAt || b.id - a.id)
        .slice(0, max);
    const [detectedNow, detectedBefore] = await this.detect(
      [newest(thisPeriod), newest(lastPeriod)],
      credentials,
    );

    return {
      owner,
      groups,
      window: {
        from: new Date(current.from).toISOString(),
        to: new Date(current.to).toISOString(),
        days,
      },
      previousWindow: {
        from: new Date(previous.from).toISOString(),
        to: new Date(previous.to).toISOString(),
      },
      environments,
      budgets: budgets.rows,
      budgetsTruncated: budgets.truncated,
      incidents: {
        current: thisPeriod.length,
        previous: lastPeriod.length,
        delta: thisPeriod.length - lastPeriod.length,
        open: thisPeriod.filter(e => e.resolvedAt === undefined).length,
      },
      mttr: compareMeans(
        meanRecovery(thisPeriod),
        meanRecovery(lastPeriod),
        TEAM_REPORT_TARGETS.mttrSeconds,
      ),
      mttd: detectionFigure({
        current: detectedNow,
        previous: detectedBefore,
        notMeasured: Math.max(0, thisPeriod.length - max),
        maxMeasured: max,
        targetSeconds: TEAM_REPORT_TARGETS.mttdSeconds,
      }),
      noisiestAlerts: noisiestAlerts(episodes, current),
    };
  }

  /** Episodes of the groups since `since`, of entities the caller can see in the catalog. */
  private async episodes(
    groups: string[],
    since: number,
    credentials: BackstageCredentials,
  ): Promise<EpisodeRow[]> {
    const recorded = await this.options.store.list({ owners: groups, since });
    const visible = await this.options.ownership.visibleEntities(
      recorded.map(e => e.entityRef),
      credentials,
    );
    return recorded.filter(e => visible.has(e.entityRef));
  }

  /** The `slo` view of every owned annotated entity, through the view service, as fleet runs `summary`. */
  private async budgets(groups: string[], credentials: BackstageCredentials) {
    const { fleet, views, limits, environments } = this.options;
    const listed = await fleet.listEntities(
      { owners: groups, envs: environments },
      credentials,
    );
    const truncated = listed.length > limits.maxEntities;
    const rows = listed
      .slice(0, limits.maxEntities)
      .map(({ entity, summary }) => ({
        entity,
        row: {
          entityRef: summary.ref,
          title: summary.title,
          ...(summary.type ? { type: summary.type } : {}),
          cells: environments.map(
            (env): TeamReportBudgetCell => ({
              env,
              state: 'pending',
              level: 'unknown',
              word: 'Pending',
              reason: 'still computing; ask again shortly',
            }),
          ),
        } as TeamReportBudgetRow,
      }));
    await runBounded({
      items: rows,
      concurrency: limits.maxConcurrentEntities,
      deadlineMs: limits.deadlineMs,
      run: async item => {
        let cells: TeamReportBudgetCell[];
        try {
          const answer = await views.run('slo', {
            entity: item.entity,
            credentials,
            envs: environments,
            range: parseTimeRange({}),
            params: {},
          });
          cells = environments.map(env =>
            budgetCell(
              env,
              answer.environments.find(e => e.env === env) as
                | EnvironmentResult<SloData>
                | undefined,
            ),
          );
        } catch (e) {
          cells = environments.map(env => ({
            env,
            state: 'error',
            level: 'unknown',
            word: 'Unknown',
            reason: `Could not compute: ${(e as Error).message}`,
          }));
        }
        item.row.cells = cells;
      },
    });
    // Copies, so cells landing after the deadline can not change an answer already sent.
    const answered = rows.map(r => ({ ...r.row, cells: [...r.row.cells] }));
    answered.sort(
      (a, b) =>
        leastBudget(a) - leastBudget(b) ||
        a.entityRef.localeCompare(b.entityRef),
    );
    return { rows: answered, truncated };
  }

  /**
   * Detection times of the chosen incidents, at most `MEASURE_CONCURRENCY` range queries at a time. The
   * entities are read as the caller; measured times are remembered per episode.
   */
  private async detect(
    lists: EpisodeRow[][],
    credentials: BackstageCredentials,
  ): Promise<Detection[][]> {
    const all = lists.flat();
    const refs = [...new Set(all.map(e => e.entityRef))];
    const entities = new Map<string, Entity>();
    if (refs.length) {
      const { items } = await this.options.catalog.getEntitiesByRefs(
        { entityRefs: refs },
        { credentials },
      );
      for (const entity of items) {
        if (entity) {
          entities.set(
            stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
            entity,
          );
        }
      }
    }
    const results = new Map<number, Detection>();
    const key = (e: EpisodeRow) => `${e.id}\u0000${e.env}\u0000${e.firedAt}`;
    await runBounded({
      items: all,
      concurrency: MEASURE_CONCURRENCY,
      // Each range query has the upstream's own timeout; this only bounds the whole.
      deadlineMs: Math.max(this.options.limits.deadlineMs, 10_000),
      run: async episode => {
        const known = this.detections.get(key(episode));
        if (known) {
          results.set(episode.id, known);
          return;
        }
        const detection = await measureDetection({
          episode,
          entity: entities.get(episode.entityRef.toLocaleLowerCase('en-US')),
          sli: this.options.sli,
        });
        results.set(episode.id, detection);
        // Only measured times: a missing SLI or a failed query may be fixed by the next report.
        if ('seconds' in detection) {
          this.remember(key(episode), detection);
        }
      },
    });
    return lists.map(list =>
      list.map(
        e =>
          results.get(e.id) ?? {
            episodeId: e.id,
            reason: 'the SLI query did not answer in time',
          },
      ),
    );
  }

  private remember(key: string, detection: Detection) {
    if (this.detections.size >= DETECTION_CACHE_SIZE) {
      const oldest = this.detections.keys().next().value;
      if (oldest !== undefined) this.detections.delete(oldest);
    }
    this.detections.set(key, detection);
  }
}
