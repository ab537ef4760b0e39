import {
  MetricPanel,
  Series,
  extractVectorSelectors,
} from '@dataops-observability/plugin-dataops-common';
import type { PanelRun } from './runPanel';

/** Without a configured bound: 10 minutes, above every scrape interval the platform runs (max 5 min). */
const DEFAULT_STALE_AFTER_SECONDS = 600;

/** Label that tells the probe's series apart: one per vector selector of the panel's query. */
const INPUT_LABEL = 'dataops_input';

/**
 * One query that returns, per vector selector of `query`, the timestamp of its newest sample at every step.
 * `timestamp()` of a raw selector answers the sample's own time, so the last point of each series is the
 * newest sample before the end of the range, however the panel's query aggregates or windows it (an
 * `increase(x[24h])` keeps answering for a day after `x` stops; this does not).
 */
export function freshnessProbe(query: string): string | undefined {
  const selectors = [...new Set(extractVectorSelectors(query))];
  if (selectors.length === 0) {
    return undefined;
  }
  return selectors
    .map(
      (s, i) =>
        `label_replace(max(timestamp(${s})), "${INPUT_LABEL}", "${i}", "", "")`,
    )
    .join(' or ');
}

function newestSample(series: Series): number | undefined {
  for (let i = series.points.length - 1; i >= 0; i--) {
    const v = series.points[i][1];
    if (v !== null) {
      return v;
    }
  }
  return undefined;
}

/** "32 min", "2 h 5 min", "45 s": the age as people read it in a reason. */
export function formatAge(seconds: number): string {
  if (seconds < 60) {
    return `${Math.round(seconds)} s`;
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    return `${minutes} min`;
  }
  const rest = minutes % 60;
  return `${Math.floor(minutes / 60)} h${rest ? ` ${rest} min` : ''}`;
}

/**
 * Age of the stalest input, in seconds before `to`: a ratio whose numerator stopped an hour ago is an hour
 * old even if its denominator is current. Inputs without any sample in the range are left out; the panel's
 * own classification already speaks for series that do not exist.
 */
export function stalestInputAge(
  probe: Series[],
  to: number,
): number | undefined {
  const newest = probe
    .map(newestSample)
    .filter((t): t is number => t !== undefined);
  if (newest.length === 0) {
    return undefined;
  }
  return Math.max(0, to - Math.min(...newest));
}

/**
 * The panel's query with its freshness probe joined by `or`, so one range query answers both: the probe's
 * series all carry the reserved label `dataops_input`, which no panel query produces, so `or` keeps them
 * next to the panel's own series and {@link splitFreshness} tells them apart. `undefined` when the query
 * reads no vector selector (nothing to judge).
 */
export function withFreshnessProbe(query: string): string | undefined {
  const probe = freshnessProbe(query);
  return probe ? `(${query}) or ${probe}` : undefined;
}

/** The answer of a {@link withFreshnessProbe} query, split into the panel's series and the probe's. */
export function splitFreshness(series: Series[]): {
  panel: Series[];
  probe: Series[];
} {
  const panel: Series[] = [];
  const probe: Series[] = [];
  for (const s of series) {
    (s.labels[INPUT_LABEL] === undefined ? panel : probe).push(s);
  }
  return { panel, probe };
}

/** What the probe of the query a panel shows answered: its series, or why there is none. */
export type FreshnessAnswer = { series: Series[] } | { error: Error };

/**
 * Marks an `ok` panel `stale` when its stalest input's newest sample is older than the bound, with the age
 * in the reason; the value stays visible but is never judged healthy (level `unknown`). Every panel with
 * samples reports `newestSampleAgeSeconds`. The probe answer comes with the panel's own query (see
 * {@link withFreshnessProbe}), so judging costs no upstream call; a panel that shows its fallback is judged
 * by the fallback's probe.
 */
export function judgeFreshness(
  panel: MetricPanel,
  answer: FreshnessAnswer | undefined,
  run: Pick<PanelRun, 'range' | 'addWarning' | 'staleAfterSeconds'>,
): MetricPanel {
  if (panel.state !== 'ok' || !answer) {
    return panel;
  }
  if ('error' in answer) {
    // Freshness is extra information: a failed probe leaves the panel as it was, with a warning.
    run.addWarning(
      `could not tell how fresh panel ${panel.id} is: ${answer.error.message}`,
    );
    return panel;
  }
  const age = stalestInputAge(answer.series, run.range.to);
  if (age === undefined) {
    return panel;
  }
  const bound = run.staleAfterSeconds ?? DEFAULT_STALE_AFTER_SECONDS;
  if (age <= bound) {
    return { ...panel, newestSampleAgeSeconds: age };
  }
  const reason = `stale: newest sample is ${formatAge(
    age,
  )} old (bound ${formatAge(bound)}); the value shown is from then, not now`;
  return {
    ...panel,
    state: 'stale',
    stateReason: panel.stateReason ? `${reason}; ${panel.stateReason}` : reason,
    level: 'unknown',
    newestSampleAgeSeconds: age,
  };
}
