import { createHash } from 'node:crypto';
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
} from '@internal/plugin-dataops-common';
import {
  DataOpsEnvironment,
  DataOpsSourceError,
  DataOpsView,
  DataOpsViewParams,
} from '@internal/plugin-dataops-node';
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
  private readonly inFlight = new Map<string, Promise<unknown>>();

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
    return {
      entityRef,
      range: {
        from: new Date(request.range.from * 1000).toISOString(),
        to: new Date(request.range.to * 1000).toISOString(),
        step: request.range.step,
      },
      environments: results,
    };
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
  ): Promise<EnvironmentResult<unknown>> {
    try {
      const { data, warnings } = await this.cached(
        view,
        envName,
        entityRef,
        request,
      );
      return {
        env: envName,
        status: 'ok',
        data,
        ...(warnings.length ? { warnings } : {}),
      };
    } catch (e) {
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
    return `v1:${view.name}:${envName}:${entityRef}:${from}:${to}:${step}:${identity}`;
  }

  private ttlMs(view: DataOpsView<any>): number {
    return (this.options.ttlOverrides[view.name] ?? view.ttlSeconds) * 1000;
  }

  private async cached(
    view: DataOpsView<any>,
    envName: string,
    entityRef: string,
    request: EntityViewRequest,
  ): Promise<{ data: unknown; warnings: string[] }> {
    const key = this.cacheKey(view, envName, entityRef, request);
    const ttl = this.ttlMs(view);
    const pending = this.inFlight.get(key);
    if (pending) {
      return pending as Promise<{ data: unknown; warnings: string[] }>;
    }
    const work = (async () => {
      if (ttl > 0) {
        const hit = await this.safeCacheGet(key);
        if (hit) {
          return hit as { data: unknown; warnings: string[] };
        }
      }
      const fresh = await this.compute(view, envName, entityRef, request);
      if (ttl > 0) {
        await this.options.cache
          .set(key, fresh as any, { ttl })
          .catch(e =>
            this.options.logger.warn('dataops cache write failed', {
              error: String(e),
            }),
          );
      }
      return fresh;
    })();
    this.inFlight.set(key, work);
    try {
      return await work;
    } finally {
      this.inFlight.delete(key);
    }
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
      runView: async <T>(name: string) => {
        const other = this.options.registry.get(name);
        await this.authorize(other, request);
        const result = await this.cached(other, envName, entityRef, request);
        result.warnings.forEach(w => warnings.includes(w) || warnings.push(w));
        return result.data as T;
      },
    });
    return { data, warnings };
  }
}
