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
import {
  DataOpsSourceError,
  type DataOpsView,
  type DataOpsViewParams,
} from '@dataops-observability/plugin-dataops-node';
import { BoundedLruLimits, BoundedLruStore } from './BoundedLruStore';

/** What one environment's answer of a view depends on, and so what its cache entry is keyed by. */
export interface ViewCacheSubject {
  envName: string;
  entityRef: string;
  entity: Entity;
  /** Already aligned to its step (see `alignRange`), so near-identical ranges share entries. */
  range: TimeRange;
  params: DataOpsViewParams;
  /** Who asked (see `callerKey`): new entries count against this caller's share of the local store. */
  caller: string;
}

/** One environment's freshly computed answer; `partial` answers are served but never stored. */
export interface ComputedAnswer {
  data: unknown;
  warnings: string[];
  partial: boolean;
}

/**
 * Bounds of the in-process store, in bytes of UTF-8 JSON. A metrics answer is about 40 KB per environment,
 * so the default holds a few thousand answers.
 */
export const DEFAULT_LOCAL_LIMITS: BoundedLruLimits = {
  maxEntries: 20_000,
  maxBytes: 128 * 1024 * 1024,
  maxBytesPerOwner: 32 * 1024 * 1024,
};

/**
 * The UTF-8 bytes of `text` in a buffer of their own: small buffers made by `Buffer.from` share an 8 KB
 * slab, which one long-lived entry would keep alive whole.
 */
function ownBytes(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length >= 4096) {
    return bytes;
  }
  const own = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(own);
  return own;
}

/** Entries in the shared store carry their expiry in front: `<epoch ms>;<text>`. */
function withExpiry(text: string, expiresAt: number): string {
  return `${expiresAt};${text}`;
}

function splitExpiry(
  stored: unknown,
): { text: string; expiresAt: number } | undefined {
  if (typeof stored !== 'string') {
    return undefined;
  }
  const cut = stored.indexOf(';');
  const expiresAt = Number(stored.slice(0, cut));
  if (cut < 1 || !Number.isFinite(expiresAt)) {
    return undefined;
  }
  return { text: stored.slice(cut + 1), expiresAt };
}

/**
 * The cache of view answers, one entry per view, environment, entity and time range. Entries are JSON
 * text, so a warm answer is spliced into the response as it is; each view's `summarize` status is stored
 * next to its answer; identical computations in flight in this instance are shared (single-flight).
 *
 * Entries always live in a bounded in-process store (size cap, cap per caller, least recently used out,
 * expired entries swept), which serves warm answers without a serialisation round trip. With a shared
 * Backstage cache store (Redis, Valkey, Memcache) they are written there too, so other instances reuse
 * them; the in-process copy expires when the shared one does. Backstage's `memory` store is not written:
 * it never drops expired entries that nobody reads again, so distinct queries would grow it for ever.
 */
export class ViewCache {
  private readonly inFlight = new Map<string, Promise<Buffer>>();
  /** UTF-8 bytes: a warm answer goes into the response without being encoded again. */
  private readonly local: BoundedLruStore<Buffer>;
  /**
   * Failures that only the configuration and the entity's annotations decide (both in the key), kept like
   * answers so a view that cannot apply to an entity (a DAG's runs for a Spark job) is not re-run and its
   * error not re-made on every summary. Counted, not sized.
   */
  private readonly failures: BoundedLruStore<DataOpsSourceError>;
  /** The hash of what in an entity decides its queries, computed once per entity object. */
  private readonly identities = new WeakMap<Entity, string>();

  constructor(
    private readonly options: {
      cache: CacheService;
      logger: LoggerService;
      /** `dataops.cacheTtlSeconds`: lifetimes by view name. */
      ttlOverrides: Record<string, number>;
      /** True when Backstage's cache store is shared between instances (not `memory`). */
      sharedStore: boolean;
      localLimits?: BoundedLruLimits;
      now?: () => number;
    },
  ) {
    this.local = new BoundedLruStore<Buffer>({
      ...(options.localLimits ?? DEFAULT_LOCAL_LIMITS),
      sizeOf: bytes => bytes.length,
      now: options.now,
    });
    this.failures = new BoundedLruStore<DataOpsSourceError>({
      maxEntries: 10_000,
      maxBytes: 10_000,
      maxBytesPerOwner: 2_500,
      sizeOf: () => 1,
      now: options.now,
    });
  }

  private now(): number {
    return this.options.now ? this.options.now() : Date.now();
  }

  /** What the in-process store holds now. */
  localStats() {
    return this.local.stats();
  }

  /** Bytes of the in-process store charged to one caller. */
  localBytesOf(caller: string): number {
    return this.local.bytesOf(caller);
  }

  key(view: DataOpsView<any>, subject: ViewCacheSubject): string {
    let identity = this.identities.get(subject.entity);
    if (identity === undefined) {
      // Annotations and type decide the queries, so an edited entity never gets a stale answer.
      identity = hash([
        subject.entity.metadata.annotations ?? {},
        subject.entity.spec?.type ?? null,
      ]);
      this.identities.set(subject.entity, identity);
    }
    const params = view.usesSearchParams
      ? `:${hash(normaliseParams(subject.params))}`
      : '';
    const { from, to, step } = subject.range;
    // v3: entries in the shared store carry their expiry (see `withExpiry`); v2 entries did not.
    return `v3:${view.name}:${subject.envName}:${subject.entityRef}:${from}:${to}:${step}:${identity}${params}`;
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

  /** {@link bytes} as a string. */
  async text(
    view: DataOpsView<any>,
    subject: ViewCacheSubject,
    compute: () => Promise<ComputedAnswer>,
  ): Promise<string> {
    return (await this.bytes(view, subject, compute)).toString('utf8');
  }

  /**
   * One environment's answer of a view as UTF-8 JSON, `{"data":...}` plus `"warnings"` when there are
   * any: from the cache, from an identical computation in flight, or computed now by `compute`. Callers
   * must not modify the buffer: cached answers are shared.
   */
  async bytes(
    view: DataOpsView<any>,
    subject: ViewCacheSubject,
    compute: () => Promise<ComputedAnswer>,
  ): Promise<Buffer> {
    const key = this.key(view, subject);
    const ttl = this.ttlMs(view);
    // Sharing work in flight is reuse, like a cache hit, so views that are never cached never share it: their
    // answers can depend on the caller (the summary says "not permitted" for the areas this caller may not
    // read). The views they read are authorised per caller before joining any shared work of their own.
    const shareable = ttl > 0;
    if (shareable) {
      const local = this.local.get(key);
      if (local !== undefined) {
        return local;
      }
      const failure = this.failures.get(key);
      if (failure) {
        throw failure;
      }
    }
    const pending = shareable ? this.inFlight.get(key) : undefined;
    if (pending) {
      return pending;
    }
    const work = (async () => {
      if (ttl > 0) {
        const hit = await this.readShared(key, subject.caller);
        if (hit !== undefined) {
          return hit;
        }
      }
      let computed: ComputedAnswer;
      try {
        computed = await compute();
      } catch (e) {
        if (ttl > 0 && isSettledFailure(e)) {
          this.failures.set(key, e, this.now() + ttl, subject.caller);
        }
        throw e;
      }
      const { data, warnings, partial } = computed;
      const fresh = ownBytes(
        JSON.stringify(warnings.length ? { data, warnings } : { data }),
      );
      if (ttl > 0 && !partial) {
        const expiresAt = this.now() + ttl;
        await this.writeSummary(view, key, data, warnings, expiresAt, subject);
        await this.write(key, fresh, expiresAt, subject.caller);
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
      const key = `${this.key(view, subject)}:summary`;
      const hit =
        this.local.get(key) ?? (await this.readShared(key, subject.caller));
      if (hit !== undefined) {
        return JSON.parse(hit.toString('utf8'));
      }
    }
    const { data, warnings } = await this.parsed(view, subject, compute);
    return { summary: view.summarize(data), warnings };
  }

  /**
   * Stores the view's `summarize` status next to its answer, written at the same moment with the same
   * expiry so the two never disagree for longer than a cache write takes.
   */
  private async writeSummary(
    view: DataOpsView<any>,
    key: string,
    data: unknown,
    warnings: string[],
    expiresAt: number,
    subject: ViewCacheSubject,
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
    await this.write(
      `${key}:summary`,
      ownBytes(JSON.stringify({ summary, warnings })),
      expiresAt,
      subject.caller,
    );
  }

  private async write(
    key: string,
    bytes: Buffer,
    expiresAt: number,
    caller: string,
  ) {
    this.local.set(key, bytes, expiresAt, caller);
    if (!this.options.sharedStore) {
      return;
    }
    const ttl = expiresAt - this.now();
    await this.options.cache
      .set(key, withExpiry(bytes.toString('utf8'), expiresAt), { ttl })
      .catch(e =>
        this.options.logger.warn('dataops cache write failed', {
          error: String(e),
        }),
      );
  }

  /** An entry of the shared store, copied into the local one until the moment the shared one expires. */
  private async readShared(
    key: string,
    caller: string,
  ): Promise<Buffer | undefined> {
    if (!this.options.sharedStore) {
      return undefined;
    }
    let stored: unknown;
    try {
      stored = await this.options.cache.get(key);
    } catch (e) {
      // A cache outage must not take the views down with it.
      this.options.logger.warn('dataops cache read failed', {
        error: String(e),
      });
      return undefined;
    }
    const entry = splitExpiry(stored);
    if (!entry || entry.expiresAt <= this.now()) {
      return undefined;
    }
    const bytes = ownBytes(entry.text);
    this.local.set(key, bytes, entry.expiresAt, caller);
    return bytes;
  }
}

/** A failure that asking again cannot change before the configuration or the entity does. */
function isSettledFailure(e: unknown): e is DataOpsSourceError {
  return (
    e instanceof DataOpsSourceError &&
    (e.type === 'NOT_CONFIGURED' || e.type === 'BAD_ANNOTATION')
  );
}

function hash(value: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(value))
    .digest('base64url')
    .slice(0, 22);
}

/**
 * Search parameters as they affect the answer: blanks around and between words of `q` do not, nor the
 * order or repetition of `level`s, so such variants share one entry.
 */
export function normaliseParams(params: DataOpsViewParams): DataOpsViewParams {
  return {
    ...params,
    q: params.q?.trim().replace(/\s+/g, ' ') || undefined,
    level: params.level ? [...new Set(params.level)].sort() : undefined,
  };
}
