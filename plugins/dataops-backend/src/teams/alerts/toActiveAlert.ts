import {
  ActiveAlert,
  alertPriority,
  PriorityMapping,
  safeLinkUrl,
} from '@dataops-observability/plugin-dataops-common';

/** Label an alert can carry to name its entity directly, whatever its other labels. */
export const ENTITY_LABEL = 'backstage_entity';

/**
 * Label or annotation sets as plain data: only own string values are kept, in an object without a
 * prototype, so a name such as `constructor` or `__proto__` is an ordinary key and nothing inherited is
 * ever read. Anything that is not an object becomes an empty set.
 */
export function toStringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return out;
  }
  for (const [name, v] of Object.entries(value)) {
    if (typeof v === 'string') {
      out[name] = v;
    }
  }
  return out;
}

const STATES: ReadonlySet<string> = new Set([
  'active',
  'suppressed',
  'unprocessed',
]);

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter(v => typeof v === 'string') : [];

/**
 * An Alertmanager API v2 alert as the wire's `ActiveAlert`, its priority from `alertPriority` (the
 * `priority` label, else the severity mapping). One conversion for the entity `alerts` view, the team
 * routes and the alert poller, so they never disagree. Whatever the alert carries, it never throws.
 */
export function toActiveAlert(
  alert: any,
  priorities: PriorityMapping,
): ActiveAlert {
  const labels = toStringMap(alert?.labels);
  const annotations = toStringMap(alert?.annotations);
  const severity = labels.severity ?? 'none';
  const name = labels.alertname ?? 'unnamed';
  const silencedBy = strings(alert?.status?.silencedBy);
  const inhibitedBy = strings(alert?.status?.inhibitedBy);
  const state = String(alert?.status?.state ?? 'active');
  // Links only when they are http(s), without credentials: a rule's annotation is anyone's text.
  const generatorURL = safeLinkUrl(alert?.generatorURL);
  const runbookUrl = safeLinkUrl(annotations.runbook_url);
  return {
    fingerprint: String(alert?.fingerprint ?? ''),
    name,
    severity,
    priority: alertPriority(
      { priority: labels.priority, severity: labels.severity },
      priorities,
    ),
    state: STATES.has(state) ? (state as ActiveAlert['state']) : 'active',
    ...(silencedBy.length ? { silencedBy } : {}),
    ...(inhibitedBy.length ? { inhibitedBy } : {}),
    startsAt: String(alert?.startsAt ?? ''),
    summary: annotations.summary ?? annotations.description ?? name,
    ...(annotations.description
      ? { description: annotations.description }
      : {}),
    labels,
    ...(generatorURL ? { generatorURL } : {}),
    ...(runbookUrl ? { runbookUrl } : {}),
  };
}
