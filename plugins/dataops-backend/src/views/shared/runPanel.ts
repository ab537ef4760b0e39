import {
  MetricPanel,
  Series,
  TimeRange,
  evaluateThresholds,
  extractVectorSelectors,
  worstLevel,
} from '@dataops-observability/plugin-dataops-common';
import { DataOpsSourceError } from '@dataops-observability/plugin-dataops-node';
import type { PrometheusClient } from '../../sources';
import {
  FreshnessAnswer,
  freshnessProbe,
  judgeFreshness,
  splitFreshness,
  withFreshnessProbe,
} from './judgeFreshness';
import type { PanelDefinition } from './panelDefinition';

function lastValue(series: Series): number | null {
  for (let i = series.points.length - 1; i >= 0; i--) {
    const v = series.points[i][1];
    if (v !== null) {
      return v;
    }
  }
  return null;
}

/** Entries kept by {@link rememberPure}; the oldest goes first beyond it. */
const REMEMBERED = 2_000;

/**
 * `make()`, remembered by `key` in `memo` (its outcome, a thrown error too). For pure work on configured
 * text: parsing a PromQL template costs more CPU than the upstream call it is for, and a page parses the
 * same few templates for every environment and every page view.
 */
export function rememberPure<T>(
  memo: Map<string, { value?: T; error?: unknown }>,
  key: string,
  make: () => T,
): T {
  let outcome = memo.get(key);
  if (!outcome) {
    try {
      outcome = { value: make() };
    } catch (e) {
      outcome = { error: e };
    }
    if (memo.size >= REMEMBERED) {
      memo.delete(memo.keys().next().value as string);
    }
    memo.set(key, outcome);
  }
  if ('error' in outcome) {
    throw outcome.error;
  }
  return outcome.value as T;
}

const selectorsOf = new Map<string, { value?: string[]; error?: unknown }>();
const combinedOf = new Map<
  string,
  { value?: string | undefined; error?: unknown }
>();

function hasSamples(series: Series[]): boolean {
  return series.some(s => s.points.some(p => p[1] !== null));
}

export interface PanelRun {
  client: PrometheusClient;
  range: TimeRange;
  signal: AbortSignal;
  addWarning(w: string): void;
  render(template: string): string;
  /** Newest sample older than this many seconds makes an `ok` panel `stale` (see judgeFreshness). */
  staleAfterSeconds?: number;
}

function base(panel: PanelDefinition, query: string) {
  return {
    id: panel.id,
    title: panel.title,
    unit: panel.unit,
    ...(panel.description ? { description: panel.description } : {}),
    query,
    ...(panel.thresholds ? { thresholds: panel.thresholds } : {}),
  };
}

/** What a panel's range query answered, with the freshness probe that came along (see withFreshnessProbe). */
interface Answer {
  series: Series[];
  warnings: string[];
  freshness?: FreshnessAnswer;
}

/** A query sent, with everything needed to classify its answer, all asked at the same moment. */
interface Speculation {
  query: string;
  answer: Promise<Answer>;
  /** Metric names of the query without any series in the window. */
  missing: Promise<{ names: string[]; warnings: string[] }>;
}

/** The upstream refused the query itself (bad request), as opposed to being unavailable. */
function isRejectedQuery(e: unknown): boolean {
  return (
    e instanceof DataOpsSourceError &&
    e.type === 'UPSTREAM_ERROR' &&
    (e.statusCode === 400 || e.statusCode === 422)
  );
}

/**
 * Asks `query` and its freshness probe in one range query (`query or probe`, see withFreshnessProbe).
 * Should the upstream refuse the combination (a query that answers a scalar cannot take `or`), both are
 * asked on their own, at once: the plain query then reports its own error if it is the one at fault.
 */
async function askWithFreshness(query: string, run: PanelRun): Promise<Answer> {
  const combined = rememberPure(combinedOf, query, () =>
    withFreshnessProbe(query),
  );
  if (!combined) {
    const alone = await run.client.queryRange(query, run.range, run.signal);
    return { series: alone.data, warnings: alone.warnings };
  }
  try {
    const both = await run.client.queryRange(combined, run.range, run.signal);
    const { panel, probe } = splitFreshness(both.data);
    return {
      series: panel,
      warnings: both.warnings,
      freshness: { series: probe },
    };
  } catch (e) {
    if (!isRejectedQuery(e)) {
      throw e;
    }
  }
  const probe = run.client
    .queryRange(freshnessProbe(query)!, run.range, run.signal)
    .then(
      (r): FreshnessAnswer => ({ series: r.data }),
      (e): FreshnessAnswer => ({ error: e as Error }),
    );
  const alone = await run.client.queryRange(query, run.range, run.signal);
  return {
    series: alone.data,
    warnings: alone.warnings,
    freshness: await probe,
  };
}

/**
 * Sends a query (with its freshness probe folded in) and, at the same moment, asks whether its metrics
 * exist at all; the second answer is only read when the first has no samples. Asked up front, a panel
 * takes one upstream round trip whatever its state, and the presence lookups of a page's panels share one
 * `series` call (see `PrometheusClient.missingMetrics`).
 */
function speculate(query: string, run: PanelRun): Speculation {
  const answer = askWithFreshness(query, run);
  const missing = run.client
    .missingMetrics(
      rememberPure(selectorsOf, query, () => extractVectorSelectors(query)),
      run.range,
      run.signal,
    )
    .then(r => ({ names: r.data, warnings: r.warnings }));
  // Either may go unread; its failure then must not surface as an unhandled rejection.
  answer.catch(() => undefined);
  missing.catch(() => undefined);
  return { query, answer, missing };
}

/** The answer of a speculation, with its "not collected" metrics when it has no samples. */
async function settle(
  speculation: Speculation,
  run: PanelRun,
): Promise<{
  series: Series[];
  missing: string[];
  freshness?: FreshnessAnswer;
}> {
  const answer = await speculation.answer;
  answer.warnings.forEach(run.addWarning);
  if (hasSamples(answer.series)) {
    return {
      series: answer.series,
      missing: [],
      freshness: answer.freshness,
    };
  }
  const missing = await speculation.missing;
  missing.warnings.forEach(run.addWarning);
  return { series: answer.series, missing: missing.names };
}

function evaluated(panel: PanelDefinition, series: Series[]) {
  const values = series.map(lastValue).filter((v): v is number => v !== null);
  const levels = values.map(v => evaluateThresholds(v, panel.thresholds));
  const level = worstLevel(levels);
  // The value shown is the one that decided the level.
  const index = levels.indexOf(level);
  return { level, lastValue: index >= 0 ? values[index] : null };
}

/**
 * Runs one panel and classifies it: `ok` with samples; `not-collected` when a metric it reads has no series
 * for the entity at all (then the configured fallback, flagged as such, if any); `empty` when the metrics
 * exist but the range has no samples; `error` when the query failed. Another metric is never substituted
 * unless the operator configured it as the fallback. An `ok` panel whose newest sample is too old is
 * `stale` (see judgeFreshness). Each query the panel may show costs one range query, its freshness probe
 * folded in, and the presence checks of a page share one `series` call: one round trip in all.
 */
export async function runPanel(
  panel: PanelDefinition,
  run: PanelRun,
): Promise<MetricPanel> {
  let query: string;
  try {
    query = run.render(panel.query);
  } catch (e) {
    return {
      ...base(panel, panel.query),
      state: 'error',
      stateReason: (e as Error).message,
      series: [],
      level: 'unknown',
    };
  }
  // The fallback is asked along with the main query: waiting for the main answer first would make a
  // not-collected panel two round trips. Its answer is dropped when the main query has data.
  let fallback: Speculation | Error | undefined;
  if (panel.fallbackQuery) {
    try {
      fallback = speculate(run.render(panel.fallbackQuery), run);
    } catch (e) {
      fallback = e as Error;
    }
  }
  const first = await settle(speculate(query, run), run);
  if (first.missing.length === 0) {
    const empty = !hasSamples(first.series);
    return judgeFreshness(
      {
        ...base(panel, query),
        state: empty ? 'empty' : 'ok',
        ...(empty
          ? { stateReason: 'no samples in the selected time range' }
          : {}),
        series: first.series,
        ...evaluated(panel, first.series),
      },
      first.freshness,
      run,
    );
  }
  const reason = `not collected: ${first.missing.join(
    ', ',
  )} has no series for this entity`;
  if (!fallback) {
    return {
      ...base(panel, query),
      state: 'not-collected',
      stateReason: reason,
      series: [],
      level: 'unknown',
    };
  }
  if (fallback instanceof Error) {
    throw fallback;
  }
  const fallbackQuery = fallback.query;
  const second = await settle(fallback, run);
  let state: MetricPanel['state'] = hasSamples(second.series) ? 'ok' : 'empty';
  if (second.missing.length > 0) {
    state = 'not-collected';
  }
  return judgeFreshness(
    {
      ...base(panel, fallbackQuery),
      fallback: true,
      state,
      stateReason: `${reason}; showing the configured fallback query${
        second.missing.length
          ? `, which is not collected either (${second.missing.join(', ')})`
          : ''
      }`,
      series: second.series,
      ...evaluated(panel, second.series),
    },
    second.freshness,
    run,
  );
}

/**
 * Upstream failures that mean "Prometheus is unavailable" rather than "this query is wrong". 429 (rate
 * limited) is one: reported per panel, it would be cached as data and outlive the limit.
 */
export function isOutage(e: unknown): e is DataOpsSourceError {
  return (
    e instanceof DataOpsSourceError &&
    (e.type === 'UPSTREAM_TIMEOUT' ||
      e.type === 'BAD_RESPONSE' ||
      (e.type === 'UPSTREAM_ERROR' &&
        (e.statusCode === undefined ||
          e.statusCode >= 500 ||
          e.statusCode === 401 ||
          e.statusCode === 403 ||
          e.statusCode === 429)))
  );
}
