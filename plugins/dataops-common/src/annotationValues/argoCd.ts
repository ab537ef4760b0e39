import {
  isValidKubernetesObjectName,
  LABEL_KEY_SOURCE as LABEL_KEY,
  LABEL_NAME_SOURCE as LABEL_NAME,
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
/** A requirement that names values a label must have: `k=v`, `k==v` or `k in (a,b)`, with non-empty values. */
const NARROWING = new RegExp(
  [
    `^${LABEL_KEY}\\s*==?\\s*${LABEL_NAME}$`,
    `^${LABEL_KEY}\\s+in\\s*\\(\\s*${LABEL_NAME}(?:\\s*,\\s*${LABEL_NAME})*\\s*\\)$`,
  ].join('|'),
);

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
  if (bad !== undefined) {
    return `'${bad}' is not a label selector requirement (key, !key, key=value, key!=value, key in (a,b), key notin (a,b))`;
  }
  // Negations and bare keys only exclude: `!x` alone matches every application that lacks a label, which
  // is nearly all of them. At least one requirement must pick applications by value.
  if (!requirements.some(r => NARROWING.test(r))) {
    return `label selector '${text}' has no key=value or key in (...) requirement, so it would match applications that are not the entity's`;
  }
  return undefined;
}

/**
 * The requirements of a well-formed label selector in a canonical spelling (no blanks, `==` written `=`),
 * for comparing selectors; undefined when the selector is not well formed (see {@link checkLabelSelector}).
 * @public
 */
export function labelSelectorRequirements(
  selector: string,
): string[] | undefined {
  const requirements = splitRequirements(selector.trim());
  if (!requirements || requirements.some(r => !REQUIREMENT.test(r))) {
    return undefined;
  }
  return requirements.map(r =>
    r
      .replace(/\s+(in|notin)\s*\(/, ' $1 (')
      .replace(/\s*(==|!=|=|,|\(|\))\s*/g, '$1')
      .replace('==', '='),
  );
}
