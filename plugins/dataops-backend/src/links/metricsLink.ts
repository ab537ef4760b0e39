import type { Config } from '@backstage/config';
import type {
  ExternalLink,
  TimeRange,
} from '@dataops-observability/plugin-dataops-common';
import { safeLinkUrl } from '@dataops-observability/plugin-dataops-common';
import {
  checkLinkBase,
  compileLinkTemplate,
  fillLinkTemplate,
  isLinkTemplate,
  LinkTemplate,
} from './linkTemplate';

/** Placeholders of a metrics link template. */
export const METRICS_LINK_PLACEHOLDERS = [
  'query',
  'queryJson',
  'from',
  'to',
  'fromMs',
  'toMs',
  'fromSeconds',
  'toSeconds',
  'step',
  'env',
] as const;

/** Where "Open in ..." of a metrics panel goes: a Prometheus-style query UI, or a template. */
export type MetricsLinkConfig =
  | { kind: 'prometheus'; base: string; title: string }
  | { kind: 'template'; template: LinkTemplate; title: string };

/**
 * `thanos.uiUrl` (and `thanos.uiTitle`) of an environment: a Prometheus or Thanos Query UI base URL, or a
 * template with placeholders (Grafana Explore or anything else). `undefined` when not set.
 */
export function readMetricsLinkConfig(
  thanos: Config,
): MetricsLinkConfig | undefined {
  const uiUrl = thanos.getOptionalString('uiUrl');
  if (!uiUrl) {
    return undefined;
  }
  const title = thanos.getOptionalString('uiTitle');
  if (isLinkTemplate(uiUrl)) {
    return {
      kind: 'template',
      template: compileLinkTemplate(
        uiUrl,
        'thanos.uiUrl',
        METRICS_LINK_PLACEHOLDERS,
      ),
      title: title ?? 'Grafana',
    };
  }
  return {
    kind: 'prometheus',
    base: checkLinkBase(uiUrl, 'thanos.uiUrl'),
    title: title ?? 'Prometheus',
  };
}

/**
 * A duration the Prometheus UI's range field reads, in the largest unit that divides it exactly
 * (`6h`, `90m`, `3601s`).
 */
export function promDuration(seconds: number): string {
  const s = Math.max(1, Math.round(seconds));
  for (const [unit, size] of [
    ['w', 604800],
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
  ] as const) {
    if (s % size === 0) {
      return `${s / size}${unit}`;
    }
  }
  return `${s}s`;
}

/** `YYYY-MM-DD HH:mm:ss` in UTC, the form of the Prometheus UI's end time field. */
function promEndTime(unixSeconds: number): string {
  return new Date(unixSeconds * 1000)
    .toISOString()
    .slice(0, 19)
    .replace('T', ' ');
}

const enc = encodeURIComponent;

/**
 * The link of one panel: its query over the view's time range. For a base URL, the graph page of the
 * Prometheus UI (`/graph?g0.expr=...&g0.tab=0&g0.range_input=...&g0.end_input=...&g0.step_input=...`),
 * which the Thanos Query UI reads too and Prometheus 3 forwards to its `/query` page.
 */
export function buildMetricsLink(
  config: MetricsLinkConfig,
  query: string,
  range: TimeRange,
  env: string,
): ExternalLink | undefined {
  let url: string | undefined;
  if (config.kind === 'prometheus') {
    url = safeLinkUrl(
      `${config.base}/graph?g0.expr=${enc(query)}&g0.tab=0&g0.range_input=${enc(
        promDuration(range.to - range.from),
      )}&g0.end_input=${enc(promEndTime(range.to))}&g0.step_input=${enc(
        String(range.step),
      )}`,
    );
  } else {
    url = fillLinkTemplate(
      config.template,
      new Map([
        ['query', query],
        ['queryJson', JSON.stringify(query)],
        ['from', new Date(range.from * 1000).toISOString()],
        ['to', new Date(range.to * 1000).toISOString()],
        ['fromMs', String(range.from * 1000)],
        ['toMs', String(range.to * 1000)],
        ['fromSeconds', String(range.from)],
        ['toSeconds', String(range.to)],
        ['step', String(range.step)],
        ['env', env],
      ]),
    );
  }
  return url ? { url, title: config.title } : undefined;
}
