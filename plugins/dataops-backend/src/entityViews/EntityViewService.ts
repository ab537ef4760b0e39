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
import { ViewCache, ViewCacheSubject } from './ViewCache';

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
    },
  ) {
    this.cache = new ViewCache({
      cache: options.cache,
      logger: options.logger,
      ttlOverrides: options.ttlOverrides,
    });
  }

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
    };
  }

  /** One environment's answer of a view as JSON text, through the cache. */
  private cachedText(
    view: DataOpsView<any>,
    envName: string,
    entityRef: string,
    request: EntityViewRequest,
  ): Promise<string> {
    return this.cache.text(
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
