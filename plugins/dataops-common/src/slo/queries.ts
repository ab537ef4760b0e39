import {
  formatMatchers,
  LabelMatcher,
  QueryIdentity,
  renderQuery,
} from '../promql';
import { SloInputError } from './SloInputError';
import type { SliTemplate } from './templates';
import { formatWindow, parseWindow } from './windows';

/**
 * Without options the builders return a query template: identity placeholders still in place, no
 * entity matchers, ready for `renderQuery` (which is what the backend does with every template). With
 * options they render it here, as the rule generator needs.
 * @public
 */
export interface SliQueryOptions {
  /** Matchers added to every vector selector, e.g. the parsed `dataops.io/prometheus-selector`. */
  matchers?: LabelMatcher[];
  /** Values for the template's `${name}` placeholders. */
  identity?: QueryIdentity;
}

function canonicalWindow(window: string): string {
  return formatWindow(parseWindow(window));
}

function render(query: string, options?: SliQueryOptions): string {
  if (!options) {
    return query;
  }
  return renderQuery(query, {
    matchers: options.matchers ?? [],
    identity: options.identity,
  });
}

/**
 * Sum of the increase of some counters over a window, as one vector without labels. With
 * `zeroIfAbsent` a counter without any series (a status that never happened yet) counts as 0. Several
 * counters are always summed that way, because `a + b` is empty as soon as one side is; without
 * `zeroIfAbsent` the sum is then kept only where at least one of them has series (`and on() (a or b)`), so
 * counters that do not exist at all still read as "not collected", as a single one does.
 */
function eventsExpr(
  selectors: string[],
  window: string,
  zeroIfAbsent: boolean,
): string {
  const terms = selectors.map(s => `sum(increase(${s.trim()}[${window}]))`);
  if (terms.length === 1 && !zeroIfAbsent) {
    return terms[0];
  }
  const sum = terms.map(t => `(${t} or vector(0))`).join(' + ');
  return zeroIfAbsent || terms.length === 1
    ? sum
    : `(${sum}) and on () (${terms.join(' or ')})`;
}

/** Good events over a window: `sum(increase(good[W]))`, 0 when the counter has no series. @public */
export function buildGoodEventsQuery(
  template: SliTemplate,
  window: string,
  options?: SliQueryOptions,
): string {
  return render(
    eventsExpr(template.goodEvents, canonicalWindow(window), true),
    options,
  );
}

/**
 * All events over a window. With a single total counter the result is empty when that counter has no
 * series at all, so "not collected" stays distinguishable from "no traffic" (0).
 * @public
 */
export function buildTotalEventsQuery(
  template: SliTemplate,
  window: string,
  options?: SliQueryOptions,
): string {
  return render(
    eventsExpr(template.totalEvents, canonicalWindow(window), false),
    options,
  );
}

function sliExpr(template: SliTemplate, window: string): string {
  const w = canonicalWindow(window);
  // A single counter's expression is already atomic; a sum of several needs its own parentheses.
  const group = (selectors: string[], zeroIfAbsent: boolean) => {
    const expr = eventsExpr(selectors, w, zeroIfAbsent);
    return selectors.length === 1 ? expr : `(${expr})`;
  };
  return `${group(template.goodEvents, true)} / ${group(
    template.totalEvents,
    false,
  )}`;
}

/**
 * SLI over a window, normally the SLO period: good / total of `increase(...[W])`. NaN without traffic,
 * empty when the total counter is not collected.
 * @public
 */
export function buildSliQuery(
  template: SliTemplate,
  window: string,
  options?: SliQueryOptions,
): string {
  return render(sliExpr(template, window), options);
}

/**
 * Error ratio over a window: 1 - good / total. Divided by the budget ratio it is the burn rate
 * (`computeBurnRate`).
 * @public
 */
export function buildErrorRatioQuery(
  template: SliTemplate,
  window: string,
  options?: SliQueryOptions,
): string {
  return render(`1 - (${sliExpr(template, window)})`, options);
}

/** Name of the recording rule holding the SLI error ratio over a window: `slo:sli_error:ratio_rate5m`. @public */
export function recordingRuleName(window: string): string {
  return `slo:sli_error:ratio_rate${canonicalWindow(window)}`;
}

/**
 * Labels the generated recording rules put on their series. They identify the SLO on their own; the
 * recorded series are aggregated and no longer carry `namespace` and the like, so queries of them must
 * not get the entity's placement matchers injected.
 * @public
 */
export interface SloSeriesLabels {
  /** SLI template id, e.g. `spark-app-run-success`. */
  slo: string;
  /** Entity ref, e.g. `component:default/daily-sales-etl`. */
  backstage_entity: string;
  /** Environment name (the `env` label); queries match any environment when absent. */
  env?: string;
}

/** Matchers selecting one SLO's recorded series. @public */
export function sloSeriesMatchers(labels: SloSeriesLabels): LabelMatcher[] {
  const matchers: LabelMatcher[] = [
    { name: 'slo', op: '=', value: labels.slo },
    { name: 'backstage_entity', op: '=', value: labels.backstage_entity },
  ];
  if (labels.env !== undefined) {
    matchers.push({ name: 'env', op: '=', value: labels.env });
  }
  for (const m of matchers) {
    if (!m.value) {
      throw new SloInputError(`SLO series label '${m.name}' must not be empty`);
    }
  }
  return matchers;
}

/** Error ratio over a window read from the generated recording rule. @public */
export function buildRecordedErrorRatioQuery(
  window: string,
  labels: SloSeriesLabels,
): string {
  return `${recordingRuleName(window)}{${formatMatchers(
    sloSeriesMatchers(labels),
  )}}`;
}

/**
 * SLI over the period from a recorded short-window ratio: 1 - avg_over_time(ratio[period]). Cheap on a
 * 30-day period, but time-weighted: it equals the event-weighted {@link buildSliQuery} only when traffic
 * is steady, so the view should say which one it ran.
 * @public
 */
export function buildRecordedSliQuery(
  period: string,
  labels: SloSeriesLabels,
  baseWindow = '5m',
): string {
  return `1 - avg_over_time(${buildRecordedErrorRatioQuery(
    baseWindow,
    labels,
  )}[${canonicalWindow(period)}])`;
}
