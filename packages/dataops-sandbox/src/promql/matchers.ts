import { matchesLabelRegex } from '@dataops-observability/plugin-dataops-common';
import { Labels, LabelMatcher } from './types';

export function matches(labels: Labels, m: LabelMatcher): boolean {
  // Own labels only: a matcher on `constructor` must see an empty value, as in Prometheus.
  const value = Object.prototype.hasOwnProperty.call(labels, m.name) ? labels[m.name] : '';
  switch (m.type) {
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
}

export function matchesAll(labels: Labels, matchers: LabelMatcher[]): boolean {
  return matchers.every(m => matches(labels, m));
}

/** Canonical key of a label set, used to group and join series. */
export function labelsKey(labels: Labels): string {
  return JSON.stringify(
    Object.keys(labels)
      .sort()
      .map(k => [k, labels[k]]),
  );
}
