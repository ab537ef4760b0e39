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
 * Marks an `ok` panel `stale` when its stalest input's newest sample is older than the bound, with the age
 * in the reason; the value stays visible but is never judged healthy (level `unknown`). Every panel with
 * samples reports `newestSampleAgeSeconds`. The probe is sent as soon as the panel's query is known, so
 * it costs no extra round trip; a panel that ends up showing its fallback probes the fallback instead.
 */
export async function judgeFreshness(
  classified: Promise<MetricPanel>,
  mainQuery: string | undefined,
  run: PanelRun,
): Promise<MetricPanel> {
  const probe = (query: string) => {
    const text = freshnessProbe(query);
    const answer = text
      ? run.client.queryRange(text, run.range, run.signal)
      : Promise.resolve(undefined);
    // Unread when the panel has no samples; its failure must not surface as an unhandled rejection.
    answer.catch(() => undefined);
    return answer;
  };
  const early = mainQuery ? probe(mainQuery) : undefined;
  const panel = await classified;
  if (panel.state !== 'ok') {
    return panel;
  }
  let answer;
  try {
    answer = await (panel.query === mainQuery && early
      ? early
      : probe(panel.query));
  } catch (e) {
    // Freshness is extra information: a failed probe leaves the panel as it was, with a warning.
    run.addWarning(
      `could not tell how fresh panel ${panel.id} is: ${(e as Error).message}`,
    );
    return panel;
  }
  if (!answer) {
    return panel;
  }
  answer.warnings.forEach(run.addWarning);
  const age = stalestInputAge(answer.data, run.range.to);
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
