import type { Config } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { AreaStatus, TimeRange } from '@dataops-observability/plugin-dataops-common';

/** Query parameters of an entity view request, already validated by the router. @public */
export interface DataOpsViewParams {
  q?: string;
  level?: string[];
  cursor?: string;
  size?: number;
}

/**
 * What a view sees of one environment. `config` is that environment's raw `dataops.environments[]` item, so a
 * module can read its own keys (say `iceberg: { url }`) next to the built-in ones.
 * @public
 */
export interface DataOpsEnvironment {
  name: string;
  config: Config;
  /** Timeout for one upstream call in this environment, milliseconds. */
  timeoutMs: number;
}

/** @public */
export interface DataOpsViewContext {
  entity: Entity;
  entityRef: string;
  env: DataOpsEnvironment;
  range: TimeRange;
  params: DataOpsViewParams;
  /** Aborted when the environment's time budget is spent; pass it to every upstream call. */
  signal: AbortSignal;
  logger: LoggerService;
  /** Adds a warning shown with this environment's answer (e.g. Thanos partial responses). */
  addWarning(message: string): void;
  /**
   * Says part of this answer failed (a panel, a storage check, one Argo CD instance) while the rest is good.
   * The answer is still served, but not cached: the failure is not data, and the next page view asks the
   * upstream again instead of repeating the failure for the whole TTL.
   */
  markPartial(reason: string): void;
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
  run(ctx: DataOpsViewContext): Promise<T>;
  /** How the view's data counts in the summary matrix (`area` names its row). */
  summarize?: (data: T) => AreaStatus;
  area?: string;
}

/** @public */
export interface DataOpsViewsExtensionPoint {
  /** Adds a view; a name the plugin already serves is rejected at start-up. */
  addView(view: DataOpsView<any>): void;
}
