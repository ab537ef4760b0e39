import type { Priority } from '../api/types';
import { isPriority } from './priorities';

/**
 * How severities become priorities: configured severity names (lower case) and the priority of any other
 * severity. A `Map`, because severities are label values written by whoever writes alerting rules, and a
 * value such as `constructor` must not find something on `Object.prototype`.
 * @public
 */
export interface PriorityMapping {
  /** Lower-case severity label value to priority. */
  severities: ReadonlyMap<string, Priority>;
  /** Priority of an alert whose severity is missing or not in `severities`. */
  unknownSeverity: Priority;
}

/**
 * The severities and priority used when nothing is configured, after the suite's alert priority table.
 * @public
 */
export const DEFAULT_PRIORITY_MAPPING: PriorityMapping = {
  severities: new Map<string, Priority>([
    ['critical', 'P1'],
    ['high', 'P2'],
    ['error', 'P2'],
    ['warning', 'P3'],
    ['medium', 'P3'],
    ['info', 'P4'],
    ['low', 'P4'],
    ['none', 'P4'],
  ]),
  unknownSeverity: 'P3',
};

/** The labels {@link alertPriority} reads; anything else an alert carries is ignored. @public */
export interface PriorityLabels {
  /** The `priority` label, authoritative when it is one of P1-P4. */
  priority?: unknown;
  /** The `severity` label, mapped when there is no usable `priority`. */
  severity?: unknown;
}

/**
 * The one priority rule of the suite, used by every view, the poller, incidents and notifications, and
 * the same one the generated Alertmanager routes apply: a `priority` label of exactly P1-P4 decides;
 * otherwise the severity (compared in lower case) through the mapping; otherwise the mapping's default.
 * Never throws, whatever the label values are.
 * @public
 */
export function alertPriority(
  labels: PriorityLabels,
  mapping: PriorityMapping = DEFAULT_PRIORITY_MAPPING,
): Priority {
  if (isPriority(labels.priority)) {
    return labels.priority;
  }
  if (typeof labels.severity === 'string') {
    const mapped = mapping.severities.get(labels.severity.toLowerCase());
    if (mapped) {
      return mapped;
    }
  }
  return mapping.unknownSeverity;
}
