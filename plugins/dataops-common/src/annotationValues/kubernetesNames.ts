// Kubernetes naming rules (the API server's validation): object names are DNS-1123 subdomains; a label key
// is an optional DNS subdomain prefix and `/`, then a name of at most 63 characters; a label value is such a
// name or empty.
export const DNS_SUBDOMAIN_SOURCE = '[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?';
export const LABEL_NAME_SOURCE =
  '[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,61}[A-Za-z0-9])?';
export const LABEL_KEY_SOURCE = `(?:${DNS_SUBDOMAIN_SOURCE}/)?${LABEL_NAME_SOURCE}`;
export const LABEL_VALUE_SOURCE = `(?:${LABEL_NAME_SOURCE})?`;

const DNS_SUBDOMAIN = new RegExp(`^${DNS_SUBDOMAIN_SOURCE}$`);
const LABEL_KEY = new RegExp(`^${LABEL_KEY_SOURCE}$`);
const LABEL_VALUE = new RegExp(`^${LABEL_VALUE_SOURCE}$`);

/** True when `name` is a Kubernetes object name (DNS-1123 subdomain, at most 253 characters). @public */
export function isValidKubernetesObjectName(name: string): boolean {
  return DNS_SUBDOMAIN.test(name);
}

/** True when `key` is a Kubernetes label key, e.g. `app.kubernetes.io/name` or `team`. @public */
export function isValidLabelKey(key: string): boolean {
  return LABEL_KEY.test(key);
}

/** True when `value` is a Kubernetes label value: empty, or at most 63 characters of `A-Z a-z 0-9 - _ .` inside. @public */
export function isValidLabelValue(value: string): boolean {
  return LABEL_VALUE.test(value);
}
