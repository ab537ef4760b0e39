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
import { freshnessProbe, judgeFreshness } from './judgeFreshness';
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

/** A query sent, with everything needed to classify its answer, all asked at the same moment. */
interface Speculation {
  query: string;
  answer: Promise<{ series: Series[]; warnings: string[] }>;
  /** Metric names of the query without any series in the window. */
  missing: Promise<{ names: string[]; warnings: string[] }>;
}

/**
 * Sends a query and, at the same moment, asks whether its metrics exist at all; the second answer is only
 * read when the first has no samples. Asked up front, a panel takes one upstream round trip whatever its
 * state, and the presence lookups of a page's panels share one `series` call (see
 * `PrometheusClient.missingMetrics`).
 */
function speculate(query: string, run: PanelRun): Speculation {
  const answer = run.client
    .queryRange(query, run.range, run.signal)
    .then(r => ({ series: r.data, warnings: r.warnings }));
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
): Promise<{ series: Series[]; missing: string[] }> {
  const answer = await speculation.answer;
  answer.warnings.forEach(run.addWarning);
  if (hasSamples(answer.series)) {
    return { series: answer.series, missing: [] };
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
 * unless the operator configured it as the fallback.
 */
async function classifyPanel(
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
    return {
      ...base(panel, query),
      state: empty ? 'empty' : 'ok',
      ...(empty
        ? { stateReason: 'no samples in the selected time range' }
        : {}),
      series: first.series,
      ...evaluated(panel, first.series),
    };
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
  return {
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
  };
}

/** {@link classifyPanel}, then {@link judgeFreshness}: an `ok` panel whose newest sample is too old is `stale`. */
export function runPanel(
  panel: PanelDefinition,
  run: PanelRun,
): Promise<MetricPanel> {
  let mainQuery: string | undefined;
  try {
    mainQuery = run.render(panel.query);
  } catch {
    mainQuery = undefined;
  }
  return judgeFreshness(
    classifyPanel(panel, run),
    mainQuery,
    withEarlyFallbackProbe(panel, run),
  );
}

/**
 * The run judgeFreshness sees: when the panel has a fallback, that fallback's freshness probe is sent now,
 * with the panel's queries, and handed over when asked for. Asked only after the panel turned out to show
 * its fallback, it would add a round trip; sent early, it costs one call that is unread when the main
 * query has data.
 */
function withEarlyFallbackProbe(
  panel: PanelDefinition,
  run: PanelRun,
): PanelRun {
  let probe: string | undefined;
  try {
    probe = panel.fallbackQuery
      ? freshnessProbe(run.render(panel.fallbackQuery))
      : undefined;
  } catch {
    // classifyPanel reports a fallback that does not render.
    probe = undefined;
  }
  if (!probe) {
    return run;
  }
  const early = run.client.queryRange(probe, run.range, run.signal);
  early.catch(() => undefined);
  const client: PrometheusClient = Object.create(run.client);
  client.queryRange = (query, range, signal) =>
    query === probe ? early : run.client.queryRange(query, range, signal);
  return { ...run, client };
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
