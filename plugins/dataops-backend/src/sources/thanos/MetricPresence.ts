import type { PrometheusResult } from './PrometheusClient';

/** The `series` call a {@link MetricPresence} batches: label sets matching any of the selectors. */
export type SeriesLookup = (
  selectors: string[],
  range: { from: number; to: number },
  signal?: AbortSignal,
) => Promise<PrometheusResult<Array<Record<string, string>>>>;

interface Batch {
  lookups: string[][];
  /** Per lookup: the names with series in its call, and that call's warnings. */
  done: Promise<Array<{ present: Set<string>; warnings: string[] }>>;
}

/** The metric name a selector starts with; `undefined` for a selector by labels only (`{__name__=~...}`). */
export function metricName(selector: string): string | undefined {
  return /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(selector)?.[0];
}

/** Which `series` calls answer a batch of lookups, and which call answers each lookup. */
export interface SeriesPlan {
  calls: string[][];
  /** Index into `calls` per lookup; -1 for a lookup without any metric name, which needs no call. */
  callOf: number[];
}

/**
 * Fits lookups (each the selectors of one query) into as few `series` calls as keep every answer what a
 * call of its own would say. A call tells which metric names have series, so two lookups that select one
 * metric with different matchers (`up{job="a"}`, `up{job="b"}`) go to different calls; within one lookup
 * the names are read together, as a call of its own would. Selectors without a metric name are left out.
 */
export function planSeriesCalls(lookups: string[][]): SeriesPlan {
  // Per call: metric name -> the selectors of that name, as one sorted text to compare.
  const claims: Array<Map<string, string>> = [];
  const calls: string[][] = [];
  const callOf: number[] = [];
  for (const selectors of lookups) {
    const byName = new Map<string, string[]>();
    for (const selector of new Set(selectors)) {
      const name = metricName(selector);
      if (name !== undefined) {
        byName.set(name, [...(byName.get(name) ?? []), selector]);
      }
    }
    const wanted = new Map(
      [...byName].map(([name, list]) => [name, list.sort().join('\n')]),
    );
    if (wanted.size === 0) {
      callOf.push(-1);
      continue;
    }
    let index = claims.findIndex(claimed =>
      [...wanted].every(
        ([name, text]) => !claimed.has(name) || claimed.get(name) === text,
      ),
    );
    if (index < 0) {
      index = claims.length;
      claims.push(new Map());
      calls.push([]);
    }
    for (const [name, text] of wanted) {
      if (!claims[index].has(name)) {
        claims[index].set(name, text);
        calls[index].push(...byName.get(name)!);
      }
    }
    callOf.push(index);
  }
  return { calls, callOf };
}

/**
 * Answers "does this selector find any series in the window?" for many callers with one `series` call.
 * Panels of a page ask within the same turn of the event loop, for the same window and with the same
 * environment signal; their selectors are collected until the turn ends and sent as several `match[]` of
 * one call (more only when two selectors of one metric differ, see {@link planSeriesCalls}).
 */
export class MetricPresence {
  private readonly open = new Map<string, Batch>();
  private readonly signalIds = new WeakMap<AbortSignal, number>();
  private nextSignalId = 1;

  constructor(private readonly lookup: SeriesLookup) {}

  /** Metric names of `selectors` that have no series at all in the window, and the upstream's warnings. */
  async missing(
    selectors: string[],
    range: { from: number; to: number },
    signal?: AbortSignal,
  ): Promise<PrometheusResult<string[]>> {
    const batch = this.batchFor(range, signal);
    const index = batch.lookups.push(selectors) - 1;
    const { present, warnings } = (await batch.done)[index];
    const missing = new Set<string>();
    for (const selector of selectors) {
      const name = metricName(selector);
      if (name !== undefined && !present.has(name)) {
        missing.add(name);
      }
    }
    return { data: [...missing], warnings };
  }

  private batchFor(
    range: { from: number; to: number },
    signal?: AbortSignal,
  ): Batch {
    const key = `${range.from}:${range.to}:${this.signalId(signal)}`;
    const existing = this.open.get(key);
    if (existing) {
      return existing;
    }
    const lookups: string[][] = [];
    const done = new Promise<void>(resolve => setImmediate(resolve)).then(
      () => {
        // Closed before the call goes out: later lookups start a new batch.
        this.open.delete(key);
        return this.send(lookups, range, signal);
      },
    );
    const batch: Batch = { lookups, done };
    this.open.set(key, batch);
    return batch;
  }

  private async send(
    lookups: string[][],
    range: { from: number; to: number },
    signal?: AbortSignal,
  ): Promise<Array<{ present: Set<string>; warnings: string[] }>> {
    const plan = planSeriesCalls(lookups);
    const answers = await Promise.all(
      plan.calls.map(async call => {
        const result = await this.lookup(call, range, signal);
        return {
          present: new Set(result.data.map(l => l.__name__)),
          warnings: result.warnings,
        };
      }),
    );
    // A lookup without any named selector has no call: nothing of it can be missing.
    return plan.callOf.map(
      i => answers[i] ?? { present: new Set<string>(), warnings: [] },
    );
  }

  private signalId(signal?: AbortSignal): number {
    if (!signal) {
      return 0;
    }
    let id = this.signalIds.get(signal);
    if (id === undefined) {
      id = this.nextSignalId++;
      this.signalIds.set(signal, id);
    }
    return id;
  }
}
