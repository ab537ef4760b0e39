import {
  isValidKubernetesObjectName,
  LABEL_KEY_SOURCE as LABEL_KEY,
  LABEL_VALUE_SOURCE as LABEL_VALUE,
} from './kubernetesNames';

const REQUIREMENT = new RegExp(
  [
    `^!?${LABEL_KEY}$`,
    `^${LABEL_KEY}\\s*(?:=|==|!=)\\s*${LABEL_VALUE}$`,
    `^${LABEL_KEY}\\s+(?:in|notin)\\s*\\(\\s*${LABEL_VALUE}(?:\\s*,\\s*${LABEL_VALUE})*\\s*\\)$`,
  ].join('|'),
);
const MAX_SELECTOR_LENGTH = 500;

/**
 * True when `name` can be an Argo CD application name (`argocd/app-name`): applications are Kubernetes
 * objects, so their names are DNS-1123 subdomains.
 * @public
 */
export function isValidArgoCdAppName(name: string): boolean {
  return isValidKubernetesObjectName(name);
}

/** Splits at commas that are not inside an `in (...)` value set. */
function splitRequirements(selector: string): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (depth < 0 || depth > 1) return undefined;
    if (c === ',' && depth === 0) {
      parts.push(selector.slice(start, i).trim());
      start = i + 1;
    }
  }
  if (depth !== 0) return undefined;
  parts.push(selector.slice(start).trim());
  return parts;
}

/**
 * Checks a Kubernetes label selector (`argocd/app-selector`, e.g. `team=sales,tier in (batch,stream)`).
 * Returns what is wrong, or undefined when it is fine.
 * @public
 */
export function checkLabelSelector(selector: string): string | undefined {
  const text = selector.trim();
  if (!text) {
    return 'label selector is empty';
  }
  if (text.length > MAX_SELECTOR_LENGTH) {
    return `label selector is longer than ${MAX_SELECTOR_LENGTH} characters`;
  }
  const requirements = splitRequirements(text);
  if (!requirements) {
    return `unbalanced parentheses in label selector '${text}'`;
  }
  const bad = requirements.find(r => !REQUIREMENT.test(r));
  return bad === undefined
    ? undefined
    : `'${bad}' is not a label selector requirement (key, !key, key=value, key!=value, key in (a,b), key notin (a,b))`;
}
