import type { Config } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type {
  AreaStatus,
  TimeRange,
} from '@dataops-observability/plugin-dataops-common';
import type { DataOpsSource } from './sourceTypes';

/** Query parameters of an entity view request, already validated by the router. @public */
export interface DataOpsViewParams {
  /** Free-text log search. */
  q?: string;
  /** Log levels to keep; every level when absent. */
  level?: string[];
  /** Opaque cursor of the next log page, as returned by the previous page. */
  cursor?: string;
  /** Log hits per page. */
  size?: number;
}

/**
 * What a view sees of one environment. `config` is that environment's raw `dataops.environments[]` item, so a
 * module can read its own keys (say `iceberg: { url }`) next to the built-in ones.
 * @public
 */
export interface DataOpsEnvironment {
  /** Environment name, e.g. `prod`. */
  name: string;
  /** The environment's raw `dataops.environments[]` item. */
  config: Config;
  /** Timeout for one upstream call in this environment, milliseconds. */
  timeoutMs: number;
}

/** What a view's `run` gets for one entity in one environment. @public */
export interface DataOpsViewContext {
  /** The catalog entity the view is for. */
  entity: Entity;
  /** The entity's ref, e.g. `component:default/daily-sales-etl`. */
  entityRef: string;
  /** The environment this run answers for. */
  env: DataOpsEnvironment;
  /** The requested time range, already parsed and bounded. */
  range: TimeRange;
  /** The request's search parameters; only meaningful for views with `usesSearchParams`. */
  params: DataOpsViewParams;
  /** Aborted when the environment's time budget is spent; pass it to every upstream call. */
  signal: AbortSignal;
  /** Logger for this run. */
  logger: LoggerService;
  /** Adds a warning shown with this environment's answer (e.g. Thanos partial responses). */
  addWarning(message: string): void;
  /**
   * Says part of this answer failed (a panel, a storage check, one Argo CD instance) while the rest is good.
   * The answer is still served, but not cached: the failure is not data, and the next page view asks the
   * upstream again instead of repeating the failure for the whole TTL.
   */
  markPartial(reason: string): void;
  /**
   * The client that the source `source` (an id, or the source itself for a typed client) built for this
   * environment. Throws `DataOpsNotConfiguredError` when the environment does not configure that source,
   * so the environment answers `not-configured`.
   */
  source<TClient>(source: DataOpsSource<any, TClient>): TClient;
  /** The client of the source with this id in this environment; see the overload above. */
  source<TClient = unknown>(source: string): TClient;
  /** Like `source`, but `undefined` when the environment does not configure it (for optional sources). */
  optionalSource<TClient>(
    source: DataOpsSource<any, TClient>,
  ): TClient | undefined;
  /** Like `source` by id, but `undefined` when the environment does not configure it. */
  optionalSource<TClient = unknown>(source: string): TClient | undefined;
  /** Runs another view for the same entity and environment through the cache (used by `summary`). */
  runView<T = unknown>(name: string): Promise<T>;
  /**
   * The `summarize` status of another view for the same entity and environment. Cached next to that
   * view's answer when it is computed, so a warm summary reads a few small entries instead of parsing
   * every area's full answer.
   */
  runViewSummary(name: string): Promise<AreaStatus>;
}

/**
 * One entity view served at `/v1/entity/:namespace/:kind/:name/<name>`. `run` computes one environment's
 * data; the backend fans it out over environments, caches it and turns thrown errors into that
 * environment's error entry. Throw `DataOpsSourceError` (from this package) to report a typed failure.
 * @public
 */
export interface DataOpsView<T = unknown> {
  /** Last path segment of the view's route; unique among the plugin's views. */
  name: string;
  /** How long one environment's answer may be served from cache. */
  ttlSeconds: number;
  /** Whether the answer depends on the `q`/`level`/`cursor`/`size` parameters (part of the cache key). */
  usesSearchParams?: boolean;
  /** Permission check before anything runs, e.g. the logs permission. Throw `NotAllowedError` to deny. */
  authorize?: (options: {
    entity: Entity;
    credentials: BackstageCredentials;
  }) => Promise<void>;
  /** Computes the view's data for one environment; throw `DataOpsSourceError` for a typed failure. */
  run(ctx: DataOpsViewContext): Promise<T>;
  /**
   * Narrows one environment's answer to what this caller may see, on every request. `run`'s answer is
   * computed once and cached for every caller, so a view whose data names other catalog entities (say,
   * the other claimants of an alert) removes here those the caller may not read.
   */
  forCaller?: (
    data: T,
    options: { credentials: BackstageCredentials },
  ) => Promise<T>;
  /** How the view's data counts in the summary matrix (`area` names its row). */
  summarize?: (data: T) => AreaStatus;
  /** Row of the summary matrix that `summarize` fills. */
  area?: string;
}

/** Extension point through which backend modules add entity views to the DataOps plugin. @public */
export interface DataOpsViewsExtensionPoint {
  /** Adds a view; a name the plugin already serves is rejected at start-up. */
  addView(view: DataOpsView<any>): void;
}
