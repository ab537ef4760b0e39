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

function hasSamples(series: Series[]): boolean {
  return series.some(s => s.points.some(p => p[1] !== null));
}

function metricName(selector: string): string | undefined {
  return /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(selector)?.[0];
}

/** Metrics of `query` for which the selector finds no series at all in the window. */
async function missingMetrics(
  client: PrometheusClient,
  query: string,
  range: TimeRange,
  signal: AbortSignal,
  addWarning: (w: string) => void,
): Promise<string[]> {
  const selectors = extractVectorSelectors(query);
  const result = await client.series(selectors, range, signal);
  result.warnings.forEach(addWarning);
  const present = new Set(result.data.map(l => l.__name__));
  return selectors
    .filter(s => {
      const name = metricName(s);
      return name !== undefined && !present.has(name);
    })
    .map(s => metricName(s)!);
}

export interface PanelRun {
  client: PrometheusClient;
  range: TimeRange;
  signal: AbortSignal;
  addWarning(w: string): void;
  render(template: string): string;
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

async function execute(
  query: string,
  run: PanelRun,
): Promise<{ series: Series[]; missing: string[] }> {
  const result = await run.client.queryRange(query, run.range, run.signal);
  result.warnings.forEach(run.addWarning);
  if (hasSamples(result.data)) {
    return { series: result.data, missing: [] };
  }
  const missing = await missingMetrics(
    run.client,
    query,
    run.range,
    run.signal,
    run.addWarning,
  );
  return { series: result.data, missing };
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
  const first = await execute(query, run);
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
  if (!panel.fallbackQuery) {
    return {
      ...base(panel, query),
      state: 'not-collected',
      stateReason: reason,
      series: [],
      level: 'unknown',
    };
  }
  const fallbackQuery = run.render(panel.fallbackQuery);
  const second = await execute(fallbackQuery, run);
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
