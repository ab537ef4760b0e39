import { matchesLabelRegex } from './labelRegex';
import type { LabelMatcher } from './parseSelector';

/**
 * The value of one label, `''` when absent as in Prometheus. Only the set's own string values count, so a
 * label name such as `constructor` or `__proto__` never reads something inherited.
 * @public
 */
export function labelValue(
  labels: Readonly<Record<string, unknown>>,
  name: string,
): string {
  if (!Object.prototype.hasOwnProperty.call(labels, name)) {
    return '';
  }
  const value = labels[name];
  return typeof value === 'string' ? value : '';
}

/**
 * True when `labels` satisfy every matcher, with Prometheus semantics: a missing label matches as the
 * empty string, regexes are RE2 and anchored at both ends.
 * @public
 */
export function matchLabels(
  matchers: readonly LabelMatcher[],
  labels: Readonly<Record<string, unknown>>,
): boolean {
  return matchers.every(m => {
    const value = labelValue(labels, m.name);
    switch (m.op) {
      case '=':
        return value === m.value;
      case '!=':
        return value !== m.value;
      case '=~':
        return matchesLabelRegex(m.value, value);
      case '!~':
        return !matchesLabelRegex(m.value, value);
      default:
        return false;
    }
  });
}
