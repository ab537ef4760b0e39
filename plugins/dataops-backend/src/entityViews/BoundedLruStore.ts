/** How much a {@link BoundedLruStore} may hold. */
export interface BoundedLruLimits {
  /** Entries in all. */
  maxEntries: number;
  /** Size of all entries together, as the store's `sizeOf` counts it. */
  maxBytes: number;
  /**
   * Size of the entries one owner (the caller that made them) may hold. When an owner goes over it, that
   * owner's own least recently used entries make room, so one caller asking for endless distinct answers
   * evicts their own entries rather than everyone else's.
   */
  maxBytesPerOwner: number;
}

interface Entry<V> {
  value: V;
  bytes: number;
  expiresAt: number;
  owner: string;
}

/** Expired entries are also removed in a sweep at most this often, so they never wait for eviction. */
const SWEEP_INTERVAL_MS = 10_000;

/**
 * An in-process cache with a lifetime per entry, a size cap, a cap per owner and least-recently-used
 * eviction. Keys are opaque strings and values are kept as they are (a view answer's JSON text, so a hit
 * costs neither parsing nor serialising).
 */
export class BoundedLruStore<V> {
  /** Map iteration order is insertion order: re-inserting on every hit keeps the least recent first. */
  private readonly entries = new Map<string, Entry<V>>();
  /** Each owner's keys, least recently used first, and their total size. */
  private readonly owners = new Map<
    string,
    { keys: Set<string>; bytes: number }
  >();
  private totalBytes = 0;
  private nextSweepAt = 0;

  constructor(
    private readonly options: BoundedLruLimits & {
      sizeOf(value: V): number;
      now?: () => number;
    },
  ) {}

  private now(): number {
    return this.options.now ? this.options.now() : Date.now();
  }

  /** The value, unless it is missing or expired; a hit makes the entry the most recently used. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) {
      return undefined;
    }
    if (entry.expiresAt <= this.now()) {
      this.remove(key, entry);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    const owned = this.owners.get(entry.owner)!.keys;
    owned.delete(key);
    owned.add(key);
    return entry.value;
  }

  /**
   * Stores `value` until `expiresAt` (epoch ms) for `owner`. Returns false, storing nothing, when the entry
   * alone is larger than an owner may hold.
   */
  set(key: string, value: V, expiresAt: number, owner: string): boolean {
    const now = this.now();
    const existing = this.entries.get(key);
    if (existing) {
      this.remove(key, existing);
    }
    if (expiresAt <= now) {
      return false;
    }
    // Keys count too: they are long (entity ref, range, hash) next to a small summary entry.
    const bytes = this.options.sizeOf(value) + key.length * 2;
    if (
      bytes > this.options.maxBytesPerOwner ||
      bytes > this.options.maxBytes
    ) {
      return false;
    }
    if (now >= this.nextSweepAt) {
      this.sweep(now);
    }
    const own = this.owners.get(owner);
    while (own && own.bytes + bytes > this.options.maxBytesPerOwner) {
      const oldest = own.keys.values().next().value as string;
      this.remove(oldest, this.entries.get(oldest)!);
    }
    while (
      this.entries.size >= this.options.maxEntries ||
      this.totalBytes + bytes > this.options.maxBytes
    ) {
      const [oldest, entry] = this.entries.entries().next().value as [
        string,
        Entry<V>,
      ];
      this.remove(oldest, entry);
    }
    this.entries.set(key, { value, bytes, expiresAt, owner });
    let owned = this.owners.get(owner);
    if (!owned) {
      owned = { keys: new Set(), bytes: 0 };
      this.owners.set(owner, owned);
    }
    owned.keys.add(key);
    owned.bytes += bytes;
    this.totalBytes += bytes;
    return true;
  }

  /** What the store holds now, for tests and the memory benchmark. */
  stats(): { entries: number; bytes: number; owners: number } {
    return {
      entries: this.entries.size,
      bytes: this.totalBytes,
      owners: this.owners.size,
    };
  }

  /** Bytes one owner holds now. */
  bytesOf(owner: string): number {
    return this.owners.get(owner)?.bytes ?? 0;
  }

  private sweep(now: number) {
    this.nextSweepAt = now + SWEEP_INTERVAL_MS;
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt <= now) {
        this.remove(key, entry);
      }
    }
  }

  private remove(key: string, entry: Entry<V>) {
    this.entries.delete(key);
    this.totalBytes -= entry.bytes;
    const owned = this.owners.get(entry.owner)!;
    owned.keys.delete(key);
    owned.bytes -= entry.bytes;
    if (owned.keys.size === 0) {
      this.owners.delete(entry.owner);
    }
  }
}
