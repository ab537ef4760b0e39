import {
  StorageCheck,
  Thresholds,
} from '@dataops-observability/plugin-dataops-common';
import { formatValue, unitKind } from '../../format';

/** Units the shared formatter does not know (snapshots, files) are written out after the number. */
function withUnit(value: number, unit: string): string {
  const text = formatValue(value, unit);
  const known =
    unitKind(unit) !== 'count' || ['', 'count', 'none', 'short'].includes(unit);
  return known ? text : `${text} ${unit}`;
}

/** The check's value as text: words stay words (Ceph's HEALTH_WARN), no value reads "no value". */
export function formatCheckValue(check: StorageCheck): string {
  if (typeof check.value === 'string') return check.value;
  if (check.value === null) return 'no value';
  return withUnit(check.value, check.unit);
}

/** "warning above 80%, critical above 85%". */
export function formatThreshold(
  threshold: Thresholds | undefined,
  unit: string,
): string | undefined {
  if (!threshold) return undefined;
  const word = threshold.direction === 'above' ? 'above' : 'below';
  const numeric = unit === 'ceph-health' ? '' : unit;
  const parts = [
    threshold.warning !== undefined &&
      `warning ${word} ${withUnit(threshold.warning, numeric)}`,
    threshold.critical !== undefined &&
      `critical ${word} ${withUnit(threshold.critical, numeric)}`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : undefined;
}
