import type { ProfileSelection } from '@dataops-observability/plugin-dataops-common';
import type { StorageSettings } from '../../config';
import {
  CHECK_TEMPLATES,
  StorageCheckDefinition,
  defaultChecks,
} from './defaultChecks';

/**
 * The checks in force under an exporter profile selection (the default stack without one): the profile's
 * checks with `dataops.storage.checks` overrides applied, disabled ones dropped, and the freshness check's
 * thresholds from the freshness target (warning beyond it, critical beyond twice it). An override with its
 * own query brings back a check the profile does not answer. An override naming no check fails at start-up.
 */
export function resolveChecks(
  settings: StorageSettings,
  selection?: Readonly<ProfileSelection>,
): StorageCheckDefinition[] {
  const known = CHECK_TEMPLATES.map(c => c.id);
  for (const id of Object.keys(settings.checks)) {
    if (!known.includes(id)) {
      throw new Error(
        `Invalid dataops.storage.checks.${id}: no such check; known checks: ${known.join(
          ', ',
        )}`,
      );
    }
  }
  const answered = defaultChecks(selection);
  const target = settings.freshnessTargetSeconds;
  return CHECK_TEMPLATES.flatMap(template => {
    const o = settings.checks[template.id] ?? {};
    const c = answered.find(a => a.id === template.id);
    const query = o.query ?? c?.query;
    if (o.enabled === false || !query) {
      return [];
    }
    const thresholds =
      template.id === 'iceberg-last-commit-age'
        ? { direction: 'above' as const, warning: target, critical: 2 * target }
        : template.thresholds;
    return [
      {
        ...template,
        title: o.title ?? c?.title ?? template.title,
        unit: o.unit ?? template.unit,
        query,
        thresholds: o.thresholds ?? thresholds,
      },
    ];
  });
}
