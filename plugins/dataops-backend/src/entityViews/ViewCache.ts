import { createHash } from 'node:crypto';
import type {
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type {
  AreaStatus,
  TimeRange,
} from '@dataops-observability/plugin-dataops-common';
import type {
  DataOpsView,
  DataOpsViewParams,
} from '@dataops-observability/plugin-dataops-node';

/** What one environment's answer of a view depends on, and so what its cache entry is keyed by. */
export interface ViewCacheSubject {
  envName: string;
  entityRef: string;
  entity: Entity;
  range: TimeRange;
  params: DataOpsViewParams;
}

/** One environment's freshly computed answer; `partial` answers are served but never stored. */
export interface ComputedAnswer {
  data: unknown;
  warnings: string[];
  partial: boolean;
}

/**
 * The cache of view answers, one entry per view, environment, entity and time range, through Backstage's
 * cache service (shared between backend instances when it is Redis). Entries are JSON text, so a warm
 * answer is spliced into the response as it is; each view's `summarize` status is stored next to its
 * answer; identical computations in flight in this instance are shared (single-flight).
 */
export class ViewCache {
  private readonly inFlight = new Map<string, Promise<string>>();

  constructor(
    private readonly options: {
      cache: CacheService;
      logger: LoggerService;
      /** `dataops.cacheTtlSeconds`: lifetimes by view name. */
      ttlOverrides: Record<string, number>;
    },
  ) {}

  key(view: DataOpsView<any>, subject: ViewCacheSubject): string {
    // Annotations and type decide the queries, so an edited entity never gets a stale answer.
    const identity = createHash('sha256')
      .update(
        JSON.stringify([
          subject.entity.metadata.annotations ?? {},
          subject.entity.spec?.type ?? null,
          view.usesSearchParams ? subject.params : null,
        ]),
      )
      .digest('base64url')
      .slice(0, 22);
    const { from, to, step } = subject.range;
    // v2: entries are JSON text (see `text`); v1 entries were objects.
    return `v2:${view.name}:${subject.envName}:${subject.entityRef}:${from}:${to}:${step}:${identity}`;
  }

  /**
   * A view that declares no cache lifetime is assembled per caller (see `text`); configuration may
   * change the lifetime of cached views but never make such a view cached.
   */
  ttlMs(view: DataOpsView<any>): number {
    if (view.ttlSeconds <= 0) {
      return 0;
    }
    return (this.options.ttlOverrides[view.name] ?? view.ttlSeconds) * 1000;
  }

  /**
   * One environment's answer of a view as JSON text, `{"data":...}` plus `"warnings"` when there are any:
   * from the cache, from an identical computation in flight, or computed now by `compute`.
   */
  async text(
    view: DataOpsView<any>,
    subject: ViewCacheSubject,
    compute: () => Promise<ComputedAnswer>,
  ): Promise<string> {
    const key = this.key(view, subject);
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
        const hit = await this.safeGet(key);
        if (typeof hit === 'string') {
          return hit;
        }
      }
      const { data, warnings, partial } = await compute();
      const fresh = JSON.stringify(
        warnings.length ? { data, warnings } : { data },
      );
      if (ttl > 0 && !partial) {
        await this.writeSummary(view, key, data, warnings, ttl);
        // Stored as one JSON string: the cache store's own deserialiser runs a reviver over every value of
        // an object (every point of every series), which made a warm metrics view ~10x slower than a plain
        // JSON.parse of the same answer; and the text goes into responses as it is.
        await this.safeSet(key, fresh, ttl);
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

  /** {@link text}, parsed (for views that read other views). */
  async parsed(
    view: DataOpsView<any>,
    subject: ViewCacheSubject,
    compute: () => Promise<ComputedAnswer>,
  ): Promise<{ data: unknown; warnings: string[] }> {
    const { data, warnings = [] } = JSON.parse(
      await this.text(view, subject, compute),
    );
    return { data, warnings };
  }

  /** `view.summarize` of one environment's answer: the stored summary, else computed from the answer. */
  async summary(
    view: DataOpsView<any>,
    subject: ViewCacheSubject,
    compute: () => Promise<ComputedAnswer>,
  ): Promise<{ summary: AreaStatus; warnings: string[] }> {
    if (!view.summarize) {
      throw new Error(`dataops view '${view.name}' has no summary`);
    }
    if (this.ttlMs(view) > 0) {
      const hit = await this.safeGet(`${this.key(view, subject)}:summary`);
      if (typeof hit === 'string') {
        return JSON.parse(hit);
      }
    }
    const { data, warnings } = await this.parsed(view, subject, compute);
    return { summary: view.summarize(data), warnings };
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
    await this.safeSet(
      `${key}:summary`,
      JSON.stringify({ summary, warnings }),
      ttl,
    );
  }

  private async safeGet(key: string) {
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

  private async safeSet(key: string, value: string, ttl: number) {
    await this.options.cache.set(key, value, { ttl }).catch(e =>
      this.options.logger.warn('dataops cache write failed', {
        error: String(e),
      }),
    );
  }
}
