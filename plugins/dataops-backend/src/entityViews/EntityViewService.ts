import type {
  BackstageCredentials,
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
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
import type { EnvironmentSources, SourceRef } from '../sources';
import type { ViewRegistry } from './ViewRegistry';
import { alignRange } from './alignRange';
import { callerKey } from './callerKey';
import type { BoundedLruLimits } from './BoundedLruStore';
import { ViewCache, ViewCacheSubject, normaliseParams } from './ViewCache';

const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']}');

export interface EntityViewRequest {
  entity: Entity;
  credentials: BackstageCredentials;
  envs?: string[];
  range: TimeRange;
  params: DataOpsViewParams;
}

/**
 * Runs a view for every environment of an entity in parallel: checks the request, authorises the caller,
 * fans out, gives each environment's run its sources and time budget, and turns upstream failures into
 * that environment's entry. Answers go through the {@link ViewCache}.
 */
export class EntityViewService {
  private readonly cache: ViewCache;

  constructor(
    private readonly options: {
      registry: ViewRegistry;
      environments: EnvironmentConfig[];
      /** The environments' source clients, for `ctx.source`. */
      sources: EnvironmentSources;
      cache: CacheService;
      logger: LoggerService;
      ttlOverrides: Record<string, number>;
      /**
       * Backstage's `backend.cache.store`; anything but `memory` (the default) is shared between instances
       * and receives the answers too (see {@link ViewCache}).
       */
      cacheStore?: string;
      /** Bounds of the in-process answer store; defaults in {@link ViewCache}. */
      localCacheLimits?: BoundedLruLimits;
    },
  ) {
    this.cache = new ViewCache({
      cache: options.cache,
      logger: options.logger,
      ttlOverrides: options.ttlOverrides,
      sharedStore: (options.cacheStore ?? 'memory') !== 'memory',
      localLimits: options.localCacheLimits,
    });
  }

  /** What the in-process answer store holds now (for the memory benchmark and tests). */
  cacheStats() {
    return this.cache.localStats();
  }

  async run(
    viewName: string,
    request: EntityViewRequest,
  ): Promise<EntityViewResponse<unknown>> {
    return JSON.parse(await this.runJson(viewName, request));
  }

  /** {@link runBytes} as a string. */
  async runJson(viewName: string, request: EntityViewRequest): Promise<string> {
    return (await this.runBytes(viewName, request)).toString('utf8');
  }

  /**
   * {@link run}, serialised: the UTF-8 JSON of the response, with each environment's cached entry spliced
   * in as stored, so a warm page view neither parses, re-serialises nor re-encodes every point of every
   * series.
   */
  async runBytes(
    viewName: string,
    original: EntityViewRequest,
  ): Promise<Buffer> {
    const { registry, environments } = this.options;
    // Ranges a step apart and blanks in `q` do not change an answer: normalised once here, the cache key
    // and the computation see the same request, and near-identical requests share one entry.
    const request: EntityViewRequest = {
      ...original,
      range: alignRange(original.range),
      params: normaliseParams(original.params),
    };
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
    const parts: Buffer[] = [
      Buffer.from(`${head.slice(0, -1)},"environments":[`),
    ];
    results.forEach((result, i) => {
      if (i > 0) {
        parts.push(COMMA);
      }
      parts.push(...result);
    });
    parts.push(CLOSE);
    return Buffer.concat(parts);
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
  ): Promise<Buffer[]> {
    try {
      const cached = await this.cachedBytes(view, envName, entityRef, request);
      const answer = view.forCaller
        ? await this.narrowForCaller(view, cached, request)
        : cached;
      // `answer` is `{"data":...[,"warnings":[...]]}`: the tail of an `ok` entry.
      const head = JSON.stringify({ env: envName, status: 'ok' }).slice(0, -1);
      return answer.length > 2
        ? [Buffer.from(`${head},`), answer.subarray(1)]
        : [Buffer.from(`${head}}`)];
    } catch (e) {
      return [
        Buffer.from(
          JSON.stringify(this.failedEnvironment(e, view, envName, entityRef)),
        ),
      ];
    }
  }

  /** Applies the view's `forCaller` to a cached `{"data":...}` answer; only such views pay for the parse. */
  private async narrowForCaller(
    view: DataOpsView<any>,
    answer: Buffer,
    request: EntityViewRequest,
  ): Promise<Buffer> {
    const parsed = JSON.parse(answer.toString('utf8'));
    const data = await view.forCaller!(parsed.data, {
      credentials: request.credentials,
    });
    return Buffer.from(JSON.stringify({ ...parsed, data }));
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

  private subject(
    envName: string,
    entityRef: string,
    request: EntityViewRequest,
  ): ViewCacheSubject {
    return {
      envName,
      entityRef,
      entity: request.entity,
      range: request.range,
      params: request.params,
      caller: callerKey(request.credentials),
    };
  }

  /** One environment's answer of a view as UTF-8 JSON, through the cache. */
  private cachedBytes(
    view: DataOpsView<any>,
    envName: string,
    entityRef: string,
    request: EntityViewRequest,
  ): Promise<Buffer> {
    return this.cache.bytes(
      view,
      this.subject(envName, entityRef, request),
      () => this.compute(view, envName, entityRef, request),
    );
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
    // Calls may queue behind the concurrency cap; the whole environment gets a few timeouts' worth. The
    // timer is stopped when the run ends: `AbortSignal.timeout` would keep the signal and everything
    // listening to it alive for the whole budget after the answer is out.
    const budgetMs = config.timeoutMs * 3;
    const budget = new AbortController();
    const timer = setTimeout(
      () =>
        budget.abort(
          new DOMException(`no answer within ${budgetMs} ms`, 'TimeoutError'),
        ),
      budgetMs,
    );
    try {
      return await this.runInEnvironment(
        view,
        request,
        envName,
        entityRef,
        env,
        budget.signal,
      );
    } finally {
      clearTimeout(timer);
    }
  }

  private async runInEnvironment(
    view: DataOpsView<any>,
    request: EntityViewRequest,
    envName: string,
    entityRef: string,
    env: DataOpsEnvironment,
    signal: AbortSignal,
  ) {
    const warnings: string[] = [];
    let partial = false;
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
      // `any`: the context's overloads type the client by the source a view passes.
      source: (ref: SourceRef): any =>
        this.options.sources.require(envName, ref),
      optionalSource: (ref: SourceRef): any =>
        this.options.sources.client(envName, ref),
      runView: async <T>(name: string) => {
        const other = this.options.registry.get(name);
        await this.authorize(other, request);
        const result = await this.cache.parsed(
          other,
          this.subject(envName, entityRef, request),
          () => this.compute(other, envName, entityRef, request),
        );
        result.warnings.forEach(w => warnings.includes(w) || warnings.push(w));
        return result.data as T;
      },
      runViewSummary: async (name: string) => {
        const other = this.options.registry.get(name);
        await this.authorize(other, request);
        const result = await this.cache.summary(
          other,
          this.subject(envName, entityRef, request),
          () => this.compute(other, envName, entityRef, request),
        );
        result.warnings.forEach(w => warnings.includes(w) || warnings.push(w));
        return result.summary;
      },
    });
    return { data, warnings, partial };
  }
}
