import type { FleetCell } from './computeFleet';

export interface FleetCellStoreOptions {
  /** A stored cell younger than this is served as it is. */
  freshMs: number;
  /**
   * The same for a cell marked `failed` (some source did not answer). Such a cell is never served once
   * older: a request waits for it to be computed again, so a passing upstream hiccup does not stay on the
   * page for `maxAgeMs`.
   */
  failedFreshMs?: number;
  /** A stored cell older than `freshMs` but younger than this is served while it is computed again. */
  maxAgeMs: number;
  /** Cells computed at the same moment, across every request the store serves. */
  concurrency: number;
  /** Cells kept; the least recently stored go first beyond it. */
  maxEntries: number;
  now?: () => number;
}

interface Stored {
  cell: FleetCell;
  at: number;
}

/**
 * The fleet's memory of its cells, shared by every fleet request of a backend instance. Without it each page
 * poll started its own walk over every entity: a cold fleet larger than one deadline's worth never
 * completed, because the first cells expired from the view cache before the last were in, and every poll
 * added its own workers on top of the previous polls' (seen in `yarn bench fleet`: 1,000 entities still had
 * 2,850 of 3,000 cells pending after seven polls).
 *
 * So a cell is computed at most once at a time (a second request waits for the same work), the number of
 * cells computed at once is bounded across requests, and a cell that is no longer fresh is still served,
 * with its `computedAt`, while it is computed again ("stale while revalidate"): once every cell has been in,
 * the page stays complete.
 */
export class FleetCellStore {
  private readonly stored = new Map<string, Stored>();
  private readonly inFlight = new Map<string, Promise<FleetCell>>();
  /** Cells nobody has yet, then cells being refreshed: a refresh never delays a first answer. */
  private readonly waitingFirst: Array<() => void> = [];
  private readonly waitingRefresh: Array<() => void> = [];
  private running = 0;
  private readonly now: () => number;

  constructor(private readonly options: FleetCellStoreOptions) {
    this.now = options.now ?? Date.now;
  }

  /**
   * The cell for `key`: the stored one when fresh (or stale but not too old, which also starts computing
   * it again), else the cell being computed for it, started here if nobody has.
   */
  cell(key: string, compute: () => Promise<FleetCell>): Promise<FleetCell> {
    const stored = this.stored.get(key);
    const age = stored ? this.now() - stored.at : Infinity;
    const failed = stored?.cell.failed === true;
    const freshMs = failed
      ? this.options.failedFreshMs ?? this.options.freshMs
      : this.options.freshMs;
    if (stored && age < freshMs) {
      return Promise.resolve(stored.cell);
    }
    const servable =
      stored !== undefined && !failed && age < this.options.maxAgeMs;
    const computing =
      this.inFlight.get(key) ?? this.start(key, compute, servable);
    return servable ? Promise.resolve(stored.cell) : computing;
  }

  /** Cells being computed or waiting for a slot; for tests and figures. */
  get busy(): number {
    return this.inFlight.size;
  }

  private start(
    key: string,
    compute: () => Promise<FleetCell>,
    refresh: boolean,
  ): Promise<FleetCell> {
    const work = this.slot(refresh)
      .then(compute)
      .then(cell => {
        const stamped = {
          ...cell,
          computedAt: new Date(this.now()).toISOString(),
        };
        this.remember(key, stamped);
        return stamped;
      })
      .finally(() => {
        this.inFlight.delete(key);
        this.release();
      });
    // A request past its deadline no longer reads it; a failure must not become an unhandled rejection.
    work.catch(() => undefined);
    this.inFlight.set(key, work);
    return work;
  }

  private remember(key: string, cell: FleetCell) {
    this.stored.delete(key);
    this.stored.set(key, { cell, at: this.now() });
    while (this.stored.size > this.options.maxEntries) {
      this.stored.delete(this.stored.keys().next().value as string);
    }
  }

  private slot(refresh: boolean): Promise<void> {
    if (this.running < this.options.concurrency) {
      this.running += 1;
      return Promise.resolve();
    }
    return new Promise(resolve =>
      (refresh ? this.waitingRefresh : this.waitingFirst).push(resolve),
    );
  }

  private release() {
    // Without this order a large fleet starved: a minute after the first cells came in, their refreshes
    // queued ahead of the cells still missing, and the page stopped filling.
    const next = this.waitingFirst.shift() ?? this.waitingRefresh.shift();
    if (next) {
      // The slot passes straight to the next waiter; `running` stays the same.
      next();
    } else {
      this.running -= 1;
    }
  }
}
