import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  ENTITY_TYPES,
  EnvironmentResult,
  HealthLevel,
  PipelineFreshness,
  PipelineResponse,
  PipelineStep,
  RunsData,
  StorageData,
  SummaryData,
  evaluateThresholds,
  parseTimeRange,
  readAnnotation,
} from '@dataops-observability/plugin-dataops-common';
import type { EntityViewService } from '../entityViews';
import { FleetLimits, computeFleet, rollUpSummary } from '../fleet';
import { describeBreak, findFirstBroken } from './firstBroken';
import { orderSteps } from './orderSteps';
import { refOf, walkPipeline } from './walkPipeline';

/** `dataops.pipeline.*`, see readPipelineConfig. */
export interface PipelineSettings {
  freshnessTargetSeconds: number;
  maxSteps: number;
}

/** The storage check that measures a table's newest commit (views/storage/defaultChecks.ts). */
const LAST_COMMIT_CHECK = 'iceberg-last-commit-age';

/** Runs `fn` over `items` with at most `limit` at once. */
async function mapBounded<T, R>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker),
  );
  return out;
}

/**
 * Builds the pipeline view of an entity: the chain its dependency relations form (read as the caller), each
 * step's summary rolled up per environment exactly as the fleet page does (through the shared view service and
 * its cache, with the fleet's concurrency and time limits), the first broken step upstream per environment,
 * and the final tables' freshness against the pipeline's target.
 */
export class PipelineService {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      views: EntityViewService;
      limits: FleetLimits;
      settings: PipelineSettings;
      now?: () => number;
    },
  ) {}

  async pipeline(
    start: Entity,
    environments: string[],
    credentials: BackstageCredentials,
  ): Promise<PipelineResponse> {
    const { catalog, views, limits, settings } = this.options;
    const now = this.options.now ?? Date.now;
    const graph = await walkPipeline({
      catalog,
      credentials,
      start,
      maxSteps: settings.maxSteps,
    });
    const refs = [...graph.steps.keys()];
    const { order, depth, inCycle } = orderSteps(refs, graph.links);

    const range = () => parseTimeRange({});
    const runView = async <T>(view: string, entity: Entity, env: string) => {
      const answer = await views.run(view, {
        entity,
        credentials,
        envs: [env],
        range: range(),
        params: {},
      });
      return answer.environments.find(e => e.env === env) as
        | EnvironmentResult<T>
        | undefined;
    };

    const fleet = await computeFleet({
      ...limits,
      maxEntities: settings.maxSteps,
      environments,
      entities: order.map(ref => ({ ref, title: ref })),
      cell: async (row, env) =>
        rollUpSummary(
          await runView<SummaryData>('summary', graph.steps.get(row.ref)!, env),
        ),
    });
    const rows = new Map(fleet.rows.map(r => [r.ref, r]));

    const steps: PipelineStep[] = order.map((ref, i) => {
      const entity = graph.steps.get(ref)!;
      const row = rows.get(ref);
      const tableName =
        entity.spec?.type === ENTITY_TYPES.icebergTable
          ? readAnnotation(entity, ANNOTATIONS.icebergTable)
          : undefined;
      return {
        entityRef: ref,
        title: entity.metadata.title ?? entity.metadata.name,
        ...(typeof entity.spec?.type === 'string'
          ? { type: entity.spec.type }
          : {}),
        ...(tableName ? { tableName } : {}),
        order: i,
        depth: depth.get(ref) ?? 0,
        inCycle: inCycle.has(ref),
        cells: environments.flatMap(env => {
          const cell = row?.cells.get(env);
          return cell ? [{ env, ...cell }] : [];
        }),
        pending: row ? row.pending : [...environments],
      };
    });

    const hasOutgoing = new Set(graph.links.map(l => l.from));
    const sinks = new Set(
      steps
        .filter(
          s =>
            s.type === ENTITY_TYPES.icebergTable &&
            !hasOutgoing.has(s.entityRef),
        )
        .map(s => s.entityRef),
    );
    const target = settings.freshnessTargetSeconds;
    const judge = (ageSeconds: number): HealthLevel =>
      evaluateThresholds(ageSeconds, {
        direction: 'above',
        warning: target,
        critical: 2 * target,
      });

    const freshnessJobs = [...sinks].flatMap(ref =>
      environments.map(env => ({ ref, env })),
    );
    const freshness = await mapBounded(
      freshnessJobs,
      limits.maxConcurrentEntities,
      async ({ ref, env }): Promise<PipelineFreshness> => {
        const entity = graph.steps.get(ref)!;
        const base = { entityRef: ref, env, targetSeconds: target };
        const runs = await runView<RunsData>('runs', entity, env).catch(
          () => undefined,
        );
        const lastCommitAt =
          runs?.status === 'ok' ? runs.data.freshness?.lastCommitAt : undefined;
        if (lastCommitAt) {
          const ageSeconds = Math.max(
            0,
            Math.round((now() - Date.parse(lastCommitAt)) / 1000),
          );
          return {
            ...base,
            lastCommitAt,
            ageSeconds,
            level: judge(ageSeconds),
            source: 'runs',
          };
        }
        const storage = await runView<StorageData>(
          'storage',
          entity,
          env,
        ).catch(() => undefined);
        const check =
          storage?.status === 'ok'
            ? storage.data.checks?.find(c => c.id === LAST_COMMIT_CHECK)
            : undefined;
        if (check && check.state === 'ok' && typeof check.value === 'number') {
          const ageSeconds = Math.round(check.value);
          return {
            ...base,
            ageSeconds,
            level: judge(ageSeconds),
            source: 'storage',
          };
        }
        return { ...base, level: 'unknown', source: 'none' };
      },
    );

    const breaks = await mapBounded(
      environments,
      limits.maxConcurrentEntities,
      async env => {
        const found = findFirstBroken(steps, env);
        if (!found) return undefined;
        // Whichever area is worst (a failing DAG burns its SLO and fires alerts too), the time it broke is
        // that of its newest finished run, when that run failed.
        const runs = await runView<RunsData>(
          'runs',
          graph.steps.get(found.step.entityRef)!,
          env,
        ).catch(() => undefined);
        const finished =
          runs?.status === 'ok'
            ? runs.data.runs?.find(r => r.level !== 'unknown')
            : undefined;
        const failedAt =
          finished?.level === 'critical'
            ? finished.endedAt ?? finished.startedAt
            : undefined;
        return describeBreak({
          env,
          step: found.step,
          cell: found.cell,
          failedAt,
          steps,
          links: graph.links,
          sinks,
          freshness,
        });
      },
    );

    return {
      entityRef: refOf(start),
      environments,
      steps,
      edges: graph.links.map(({ from, to }) => ({ from, to })),
      firstBroken: breaks.filter(<T>(b: T | undefined): b is T => !!b),
      freshness,
      freshnessTargetSeconds: target,
      truncated: graph.truncated,
      hasCycle: inCycle.size > 0,
    };
  }
}
