import type {
  ActiveAlert,
  Priority,
} from '@dataops-observability/plugin-dataops-common';

/** Label an alert can carry to name its entity directly, whatever its other labels. */
export const ENTITY_LABEL = 'backstage_entity';

/**
 * An Alertmanager API v2 alert as the wire's `ActiveAlert`, its priority mapped from its severity. One
 * mapping for the entity `alerts` view, the team routes and the alert poller, so they never disagree.
 */
export function toActiveAlert(
  alert: any,
  priorities: Record<string, Priority>,
): ActiveAlert {
  const labels: Record<string, string> = alert.labels ?? {};
  const annotations: Record<string, string> = alert.annotations ?? {};
  const severity = labels.severity ?? 'none';
  const name = labels.alertname ?? 'unnamed';
  const silencedBy: string[] = alert.status?.silencedBy ?? [];
  const inhibitedBy: string[] = alert.status?.inhibitedBy ?? [];
  return {
    fingerprint: String(alert.fingerprint ?? ''),
    name,
    severity,
    priority: priorities[severity.toLowerCase()] ?? 'P3',
    state: alert.status?.state ?? 'active',
    ...(silencedBy.length ? { silencedBy } : {}),
    ...(inhibitedBy.length ? { inhibitedBy } : {}),
    startsAt: String(alert.startsAt ?? ''),
    summary: annotations.summary ?? annotations.description ?? name,
    ...(annotations.description
      ? { description: annotations.description }
      : {}),
    labels,
    ...(alert.generatorURL ? { generatorURL: String(alert.generatorURL) } : {}),
  };
}
