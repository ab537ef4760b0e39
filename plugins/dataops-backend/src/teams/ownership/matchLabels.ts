import type { LabelMatcher } from '@dataops-observability/plugin-dataops-common';

const compiled = new Map<string, RegExp>();

function anchored(value: string): RegExp {
  let re = compiled.get(value);
  if (!re) {
    // Alertmanager and Prometheus anchor regex matchers at both ends.
    re = new RegExp(`^(?:${value})$`);
    compiled.set(value, re);
  }
  return re;
}

/** True when `labels` satisfy every matcher; a missing label matches as the empty string, as in Prometheus. */
export function matchLabels(
  matchers: LabelMatcher[],
  labels: Record<string, string>,
): boolean {
  return matchers.every(m => {
    const value = labels[m.name] ?? '';
    switch (m.op) {
      case '=':
        return value === m.value;
      case '!=':
        return value !== m.value;
      case '=~':
        return anchored(m.value).test(value);
      case '!~':
        return !anchored(m.value).test(value);
      default:
        return false;
    }
  });
}
