import { InputError } from '@backstage/errors';
import {
  ANNOTATIONS,
  isValidEnvironmentName,
  parseObjective,
  parseSelector,
  parseWindow,
  splitList,
  validateIdentityValue,
} from '@dataops-observability/plugin-dataops-common';

const INDEX_PATTERN = /^[a-z0-9][a-z0-9._*-]{0,254}$/;
const FILTER_TERM = /^[A-Za-z0-9_.@-]+:[^,:\s][^,]*$/;
const K8S_NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const STORAGE_ITEM = /^[a-z][a-z0-9-]*:[A-Za-z0-9_.$#/-]+$/;
const LABEL_SELECTOR_ITEM = /^[A-Za-z0-9_./-]+\s*(=|==|!=)\s*[A-Za-z0-9_.-]*$/;

type Check = (value: string) => string | undefined;

function attempt(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

const CHECKS: Record<string, Check> = {
  [ANNOTATIONS.environments]: v => {
    const bad = splitList(v).filter(env => !isValidEnvironmentName(env));
    if (splitList(v).length === 0) return 'list at least one environment';
    return bad.length
      ? `invalid environment names: ${bad.join(', ')}`
      : undefined;
  },
  [ANNOTATIONS.prometheusSelector]: v => attempt(() => parseSelector(v)),
  [ANNOTATIONS.opensearchIndex]: v =>
    INDEX_PATTERN.test(v)
      ? undefined
      : 'not an OpenSearch index pattern (lowercase, no spaces or commas)',
  [ANNOTATIONS.opensearchFilter]: v =>
    splitList(v).every(t => FILTER_TERM.test(t)) && splitList(v).length > 0
      ? undefined
      : 'expected comma separated field:value terms',
  [ANNOTATIONS.argocdAppName]: v =>
    K8S_NAME.test(v) ? undefined : 'not a valid Argo CD application name',
  [ANNOTATIONS.argocdAppSelector]: v =>
    splitList(v).every(t => LABEL_SELECTOR_ITEM.test(t)) &&
    splitList(v).length > 0
      ? undefined
      : 'expected a label selector such as app=daily-sales-etl',
  [ANNOTATIONS.sloObjective]: v => attempt(() => parseObjective(v)),
  [ANNOTATIONS.sloWindow]: v => attempt(() => parseWindow(v)),
  [ANNOTATIONS.airflowDagId]: v =>
    attempt(() => validateIdentityValue('dag id', v)),
  [ANNOTATIONS.sparkAppName]: v =>
    attempt(() => validateIdentityValue('app name', v)),
  [ANNOTATIONS.icebergTable]: v =>
    attempt(() => validateIdentityValue('table', v)),
  [ANNOTATIONS.storage]: v =>
    splitList(v).every(t => STORAGE_ITEM.test(t)) && splitList(v).length > 0
      ? undefined
      : 'expected comma separated kind:name items such as s3:sales-lake',
  [ANNOTATIONS.kubernetesId]: v =>
    /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/.test(v)
      ? undefined
      : 'not a valid Kubernetes label value',
};

/** Keys an environment may override with a `.<env>` suffix (docs/api.md, "Annotations"). */
function overridable(key: string): boolean {
  return key.startsWith('dataops.io/') || key === ANNOTATIONS.argocdAppName;
}

/**
 * Checks one annotation of docs/api.md, "Annotations" (optionally `<key>.<env>`) and its value; throws an
 * `InputError` naming the key otherwise. Unknown keys are refused so a typo cannot silently do nothing.
 * @public
 */
export function validateAnnotation(key: string, value: string): void {
  let base = key;
  if (!(key in CHECKS)) {
    const dot = key.lastIndexOf('.');
    const suffix = key.slice(dot + 1);
    base = key.slice(0, dot);
    if (dot < 0 || !(base in CHECKS) || !overridable(base)) {
      throw new InputError(
        `Invalid input 'annotations.${key}': not one of the supported annotations (${Object.keys(
          CHECKS,
        ).join(', ')}), ` +
          'nor a dataops.io/* or argocd/app-name key with a .<env> suffix',
      );
    }
    if (!isValidEnvironmentName(suffix)) {
      throw new InputError(
        `Invalid input 'annotations.${key}': '${suffix}' is not a valid environment name`,
      );
    }
  }
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(
      `Invalid input 'annotations.${key}': the value is empty`,
    );
  }
  const problem = CHECKS[base](value.trim());
  if (problem) {
    throw new InputError(`Invalid input 'annotations.${key}': ${problem}`);
  }
}
