import { createHash } from 'node:crypto';
import type {
  BackstageCredentials,
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  AreaStatus,
  EntityViewResponse,
  EnvironmentResult,
  TimeRange,
  entityEnvironments,
} from '@dataops-observability/plugin-dataops-common';
import {
  DataOpsEnvironment,
  DataOpsSourceError,
  DataOpsView,
  DataOpsViewParams,
} from '@dataops-observability/plugin-dataops-node';
import type { EnvironmentConfig } from '../config';
import type { ViewRegistry } from '../views';

export interface EntityViewRequest {
  entity: Entity;
  credentials: BackstageCredentials;
  envs?: string[];
  range: TimeRange;
  params: DataOpsViewParams;
}

/**
 * Runs a view for every environment of an entity in parallel. Each environment's answer is cached
 * (Backstage cache service: shared between backend instances when it is Redis) and identical requests in
 * flight in this instance share one computation. Upstream failures become that environment's entry.
 */
export class EntityViewService {
  private readonly inFlight = new Map<string, Promise<string>>();

  constructor(
    private readonly options: {
      registry: ViewRegistry;
      environments: EnvironmentConfig[];
      cache: CacheService;
      logger: LoggerService;
      ttlOverrides: Record<string, number>;
    },
  ) {}

  async run(
    viewName: string,
    request: EntityViewRequest,
  ): Promise<EntityViewResponse<unknown>> {
    return JSON.parse(await this.runJson(viewName, request));
  }

  /**
   * {@link run}, serialised: the JSON of the response, with each environment's cached entry spliced in as
   * stored, so a warm page view neither parses nor re-serialises every point of every series.
   */
  async runJson(viewName: string, request: EntityViewRequest): Promise<string> {
    const { registry, environments } = this.options;
    const view = registry.get(viewName);
    const configured = environments.map(e => e.name);
    for (const env of request.envs ?? []) {
      if (!configured.includes(env)) {
        throw new InputError(
          `Invalid 'env': unknown environment '${env}'; configured: ${configured.join(
            ', ',
          )}`,
        );
      }
    }
    await this.authorize(view, request);
    const envs = entityEnvironments(request.entity, configured).filter(
      e => !request.envs?.length || request.envs.includes(e),
    );
    const entityRef = stringifyEntityRef(request.entity);
    const results = await Promise.all(
      envs.map(env => this.runEnvironment(view, env, entityRef, request)),
    );
    const head = JSON.stringify({
      entityRef,
      range: {
        from: new Date(request.range.from * 1000).toISOString(),
        to: new Date(request.range.to * 1000).toISOString(),
        step: request.range.step,
      },
    });
    return `${head.slice(0, -1)},"environments":[${results.join(',')}]}`;
  }

  private async authorize(view: DataOpsView<any>, request: EntityViewRequest) {
    await view.authorize?.({
      entity: request.entity,
      credentials: request.credentials,
    });
  }

  private async runEnvironment(
    view: DataOpsView<any>,
    envName: string,
    entityRef: string,
    request: EntityViewRequest,
  ): Promise<string> {
    try {
      const text = await this.cachedText(view, envName, entityRef, request);
      // `text` is `{"data":...[,"warnings":[...]]}`: the tail of an `ok` entry.
      const head = JSON.stringify({ env: envName, status: 'ok' }).slice(0, -1);
      return text.length > 2 ? `${head},${text.slice(1)}` : `${head}}`;
    } catch (e) {
      return JSON.stringify(
        this.failedEnvironment(e, view, envName, entityRef),
      );
    }
  }

  private failedEnvironment(
    e: unknown,
    view: DataOpsView<any>,
    envName: string,
    entityRef: string,
  ): EnvironmentResult<unknown> {
    if (e instanceof DataOpsSourceError) {
      if (e.type === 'NOT_CONFIGURED') {
        return { env: envName, status: 'not-configured', source: e.source };
      }
      return { env: envName, status: 'error', error: e.toUpstreamError() };
    }
    if (
      e instanceof Error &&
      ['InputError', 'NotAllowedError', 'NotFoundError'].includes(e.name)
    ) {
      throw e;
    }
    this.options.logger.error(`dataops view '${view.name}' failed`, {
      env: envName,
      entityRef,
      error: String(e),
    });
    return {
      env: envName,
      status: 'error',
      error: {
        type: 'BAD_RESPONSE',
        source: 'dataops',
        message: 'internal error',
      },
    };
  }

  private cacheKey(
    view: DataOpsView<any>,
    envName: string,
    entityRef: string,
    request: EntityViewRequest,
  ): string {
    // Annotations and type decide the queries, so an edited entity never gets a stale answer.
    const identity = createHash('sha256')
      .update(
        JSON.stringify([
          request.entity.metadata.annotations ?? {},
          request.entity.spec?.type ?? null,
          view.usesSearchParams ? request.params : null,
        ]),
      )
      .digest('base64url')
      .slice(0, 22);
    const { from, to, step } = request.range;
    // v2: entries are JSON text (see `cached`); v1 entries were objects.
    return `v2:${view.name}:${envName}:${entityRef}:${from}:${to}:${step}:${identity}`;
  }

  /**
   * A view that declares no cache lifetime is assembled per caller (see `cachedText`); configuration may
   * change the lifetime of cached views but never make such a view cached.
   */
  private ttlMs(view: DataOpsView<any>): number {
    if (view.ttlSeconds <= 0) {
      return 0;
    }
    return (this.options.ttlOverrides[view.name] ?? view.ttlSeconds) * 1000;
  }

  /** One environment's answer of a view, parsed (for views that read other views). */
  private async cached(
    view: DataOpsView<any>,
    envName: string,
    entityRef: string,
    request: EntityViewRequest,
  ): Promise<{ data: unknown; warnings: string[] }> {
    const text = await this.cachedText(view, envName, entityRef, request);
    const { data, warnings = [] } = JSON.parse(text);
    return { data, warnings };
  }

  /**
   * One environment's answer of a view as JSON text, `{"data":...}` plus `"warnings"` when there are any:
   * from the cache, from an identical computation in flight, or computed now.
   */
  private async cachedText(
    view: DataOpsView<any>,
    envName: string,
    entityRef: string,
    request: EntityViewRequest,
  ): Promise<string> {
    const key = this.cacheKey(view, envName, entityRef, request);
    const ttl = this.ttlMs(view);
    // Sharing work in flight is reuse, like a cache hit, so views that are never cached never share it: their
    // answers can depend on the caller (the summary says "not permitted" for the areas this caller may not
    // read). The views they read are authorised per caller before joining any shared work of their own.
    const shareable = ttl > 0;
    const pending = shareable ? this.inFlight.get(key) : undefined;
    if (pending) {
      return pending;
    }
    const work = (async () => {
      if (ttl > 0) {
        const hit = await this.safeCacheGet(key);
        if (typeof hit === 'string') {
          return hit;
        }
      }
      const { data, warnings, partial } = await this.compute(
        view,
        envName,
        entityRef,
        request,
      );
      const fresh = JSON.stringify(
        warnings.length ? { data, warnings } : { data },
      );
      if (ttl > 0 && !partial) {
        await this.writeSummary(view, key, data, warnings, ttl);
        await this.options.cache
          // Stored as one JSON string: the cache store's own deserialiser runs a reviver over every value
          // of an object (every point of every series), which made a warm metrics view ~10x slower than
          // a plain JSON.parse of the same answer; and the text goes into responses as it is.
          .set(key, fresh, { ttl })
          .catch(e =>
            this.options.logger.warn('dataops cache write failed', {
              error: String(e),
            }),
          );
      }
      return fresh;
    })();
    if (!shareable) {
      return work;
    }
    this.inFlight.set(key, work);
    try {
      return await work;
    } finally {
      this.inFlight.delete(key);
    }
  }

  /**
   * Stores the view's `summarize` status next to its answer, written at the same moment with the same TTL
   * so the two never disagree for longer than a cache write takes.
   */
  private async writeSummary(
    view: DataOpsView<any>,
    key: string,
    data: unknown,
    warnings: string[],
    ttl: number,
  ) {
    if (!view.summarize) {
      return;
    }
    let summary: AreaStatus;
    try {
      summary = view.summarize(data);
    } catch (e) {
      // The answer itself is fine; the summary is then computed from it on each summary view.
      this.options.logger.warn(`dataops view '${view.name}' summary failed`, {
        error: String(e),
      });
      return;
    }
    await this.options.cache
      .set(`${key}:summary`, JSON.stringify({ summary, warnings }), { ttl })
      .catch(e =>
        this.options.logger.warn('dataops cache write failed', {
          error: String(e),
        }),
      );
  }

  /** `view.summarize` of one environment's answer: the stored summary, else computed from the answer. */
  private async cachedSummary(
    view: DataOpsView<any>,
    envName: string,
    entityRef: string,
    request: EntityViewRequest,
  ): Promise<{ summary: AreaStatus; warnings: string[] }> {
    if (!view.summarize) {
      throw new Error(`dataops view '${view.name}' has no summary`);
    }
    if (this.ttlMs(view) > 0) {
      const key = this.cacheKey(view, envName, entityRef, request);
      const hit = await this.safeCacheGet(`${key}:summary`);
      if (typeof hit === 'string') {
        return JSON.parse(hit);
      }
    }
    const { data, warnings } = await this.cached(
      view,
      envName,
      entityRef,
      request,
    );
    return { summary: view.summarize(data), warnings };
  }

  private async safeCacheGet(key: string) {
    try {
      return await this.options.cache.get(key);
    } catch (e) {
      // A cache outage must not take the views down with it.
      this.options.logger.warn('dataops cache read failed', {
        error: String(e),
      });
      return undefined;
    }
  }

  private async compute(
    view: DataOpsView<any>,
    envName: string,
    entityRef: string,
    request: EntityViewRequest,
  ) {
    const config = this.options.environments.find(e => e.name === envName)!;
    const env: DataOpsEnvironment = {
      name: envName,
      config: config.raw,
      timeoutMs: config.timeoutMs,
    };
    const warnings: string[] = [];
    let partial = false;
    // Calls may queue behind the concurrency cap; the whole environment gets a few timeouts' worth.
    const signal = AbortSignal.timeout(config.timeoutMs * 3);
    const data = await view.run({
      entity: request.entity,
      entityRef,
      env,
      range: request.range,
      params: request.params,
      signal,
      logger: this.options.logger.child({ env: envName, view: view.name }),
      addWarning: w => {
        if (!warnings.includes(w)) {
          warnings.push(w);
        }
      },
      markPartial: () => {
        partial = true;
      },
      runView: async <T>(name: string) => {
        const other = this.options.registry.get(name);
        await this.authorize(other, request);
        const result = await this.cached(other, envName, entityRef, request);
        result.warnings.forEach(w => warnings.includes(w) || warnings.push(w));
        return result.data as T;
      },
      runViewSummary: async (name: string) => {
        const other = this.options.registry.get(name);
        await this.authorize(other, request);
        const result = await this.cachedSummary(
          other,
          envName,
          entityRef,
          request,
        );
        result.warnings.forEach(w => warnings.includes(w) || warnings.push(w));
        return result.summary;
      },
    });
    return { data, warnings, partial };
  }
}
