import { Labels, LabelMatcher } from './types';

const regexCache = new Map<string, RegExp>();

/** Prometheus regexes are fully anchored RE2; JavaScript's engine covers the subset used in practice. */
export function anchoredRegex(pattern: string): RegExp {
  let re = regexCache.get(pattern);
  if (!re) {
    re = new RegExp(`^(?:${pattern})$`, 's');
    if (regexCache.size > 1000) {
      regexCache.clear();
    }
    regexCache.set(pattern, re);
  }
  return re;
}

export function matches(labels: Labels, m: LabelMatcher): boolean {
  // Own labels only: a matcher on `constructor` must see an empty value, as in Prometheus.
  const value = Object.prototype.hasOwnProperty.call(labels, m.name) ? labels[m.name] : '';
  switch (m.type) {
    case '=':
      return value === m.value;
    case '!=':
      return value !== m.value;
    case '=~':
      return anchoredRegex(m.value).test(value);
    case '!~':
      return !anchoredRegex(m.value).test(value);
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
