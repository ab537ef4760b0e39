import type { StorageSettings } from '../../config';
import { DEFAULT_CHECKS, StorageCheckDefinition } from './defaultChecks';

/**
 * The checks in force: defaults with `dataops.storage.checks` overrides applied, disabled ones dropped, and
 * the freshness check's thresholds from the freshness target (warning beyond it, critical beyond twice it).
 * An override naming no check fails at start-up.
 */
export function resolveChecks(
  settings: StorageSettings,
): StorageCheckDefinition[] {
  const known = DEFAULT_CHECKS.map(c => c.id);
  for (const id of Object.keys(settings.checks)) {
    if (!known.includes(id)) {
      throw new Error(
        `Invalid dataops.storage.checks.${id}: no such check; known checks: ${known.join(
          ', ',
        )}`,
      );
    }
  }
  const target = settings.freshnessTargetSeconds;
  return DEFAULT_CHECKS.filter(
    c => settings.checks[c.id]?.enabled !== false,
  ).map(c => {
    const o = settings.checks[c.id] ?? {};
    const thresholds =
      c.id === 'iceberg-last-commit-age'
        ? { direction: 'above' as const, warning: target, critical: 2 * target }
        : c.thresholds;
    return {
      ...c,
      title: o.title ?? c.title,
      unit: o.unit ?? c.unit,
      query: o.query ?? c.query,
      thresholds: o.thresholds ?? thresholds,
    };
  });
}
