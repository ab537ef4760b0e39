import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  ANNOTATION_RULES,
  AnnotationRule,
  AnnotationVerdict,
  EnvironmentRules,
  formatWindow,
  isValidEnvironmentName,
  isValidLabelKey,
  isValidLabelValue,
  ProfileSelection,
  resolveProfileSelection,
  DEFAULT_SLO_POLICY,
} from '@dataops-observability/plugin-dataops-common';
import { DEFAULT_THRESHOLDS, thresholdsFor } from './layerAlerts';
import type {
  ArgoApplicationSettings,
  LayerThresholds,
  MonitoringBundleSpec,
  WorkloadType,
} from './types';

/** Input of the render action after schema parsing. @public */
export interface MonitoringBundleInput {
  /** Ref of the entity to monitor, `kind:namespace/name`. */
  entityRef: string;
  /** Kind of workload; picks the alert layers and thresholds that apply. */
  type: WorkloadType;
  /** Base name of the generated resources; defaults to the entity name. */
  name?: string;
  /** Kubernetes namespace the workload runs in. */
  namespace: string;
  /** Owning group, as a ref or a bare group name. */
  owner: string;
  /** Environments to render the bundle for; at least one. */
  environments: string[];
  /** SLO objective in percent; the SLO policy default when absent. */
  sloObjective?: number;
  /** SLO period, e.g. `30d` (the default). */
  sloWindow?: string;
  /** Label matchers of the workload's series; derived from the namespace (and app for Spark) when absent. */
  selector?: string;
  /** Spark app name, DAG id or table name; defaults to the entity name. */
  identity?: string;
  /** Overrides of the layer alert thresholds that apply to `type`. */
  thresholds?: LayerThresholds;
  /** Exporter profile id per layer (docs/metrics-catalogue.md); layers left out use the default stack. */
  profile?: Record<string, string>;
  /** OpenSearch index pattern of the workload's logs; defaults to `logs-<namespace>-*`. */
  logIndex?: string;
  /** Age in days at which log indices move from hot to cold nodes; default 7. */
  logHotDays?: number;
  /** Age in days at which log indices are deleted; default 30, more than `logHotDays`. */
  logRetentionDays?: number;
  /** Extra metadata labels of the generated resources. */
  resourceLabels?: Record<string, string>;
  /** Workspace-relative folder of the bundle; defaults to `monitoring/<name>`. */
  targetPath?: string;
  /** `dataops.io/storage` of the workload (`s3:sales-lake,oracle:SALES_TS`); storage alerts per item. */
  storage?: string;
  /** `dataops.io/run-sla` of the workload (`45m`); run-duration alerts in every environment. */
  runSla?: string;
  /** Per environment, a run SLA that differs from `runSla` (written as `dataops.io/run-sla.<env>`). */
  runSlaByEnvironment?: Record<string, string>;
  /** The workload's own Argo CD application, when it has one. */
  argocdAppName?: string;
  /** Git URL of the GitOps repository; the Argo CD Applications of the bundle sync from it. */
  gitopsRepoUrl?: string;
  /** Revision Argo CD syncs; default `HEAD`. */
  gitopsRevision?: string;
  /** Argo CD project of the Applications; default `default`. */
  argocdProject?: string;
  /** Namespace Argo CD runs in; default `argocd`. */
  argocdNamespace?: string;
  /** Destination cluster API server; default `https://kubernetes.default.svc`. */
  argocdServer?: string;
}

/** What the installation's configuration adds to the render action's checks. @public */
export interface MonitoringBundleOptions {
  /**
   * The environments of `dataops.environments`; when given, only these may be rendered, and their data scope
   * rules shape the annotations.
   */
  environments?: EnvironmentRules[];
}

/** Workload types the render action accepts. @public */
export const WORKLOAD_TYPES: WorkloadType[] = [
  'spark-job',
  'airflow-dag',
  'iceberg-table',
];

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const SAFE_RELATIVE_PATH =
  /^(?!\/)(?!.*(^|\/)\.\.?(\/|$))[A-Za-z0-9._/-]{1,200}$/;

function bad(field: string, message: string): InputError {
  return new InputError(`Invalid input '${field}': ${message}`);
}

/** The exporter profiles the generated rules read; an unknown layer or profile is named in the 400. */
function resolveProfile(profile: Record<string, string>): ProfileSelection {
  try {
    return resolveProfileSelection(new Map(Object.entries(profile)));
  } catch (e) {
    throw bad('profile', (e as Error).message);
  }
}

function blankToUndefined(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * The value an annotation rule makes of an input that the annotate step writes into that annotation, so the
 * bundle is never rendered for a value the catalog would refuse; the problem becomes an error naming `field`.
 */
function accepted<T>(field: string, verdict: AnnotationVerdict<T>): T {
  if (!verdict.ok) {
    throw bad(field, verdict.problem.message);
  }
  return verdict.value;
}

/** The rule of the annotation that holds each workload type's identity (docs/api.md, "Annotations"). */
const IDENTITY_RULES: Record<WorkloadType, AnnotationRule<unknown>> = {
  'spark-job': ANNOTATION_RULES.sparkAppName,
  'airflow-dag': ANNOTATION_RULES.airflowDagId,
  'iceberg-table': ANNOTATION_RULES.icebergTable,
};

function checkLabels(field: string, labels: Record<string, string>) {
  for (const [key, value] of Object.entries(labels)) {
    if (!isValidLabelKey(key)) {
      throw bad(`${field}.${key}`, 'not a valid Kubernetes label name');
    }
    if (!isValidLabelValue(value)) {
      throw bad(
        `${field}.${key}`,
        `'${value}' is not a valid Kubernetes label value (63 characters of letters, digits, - _ .)`,
      );
    }
  }
}

function checkDays(field: string, value: number) {
  if (!Number.isInteger(value) || value < 1 || value > 3650) {
    throw bad(
      field,
      `${value} is not a whole number of days between 1 and 3650`,
    );
  }
}

const THRESHOLD_LIMITS: Record<keyof LayerThresholds, [number, number]> = {
  restarts: [0, 1000],
  cpuPercent: [1, 100],
  memoryPercent: [1, 100],
  jobFailurePercent: [0, 100],
  gcTimePercent: [1, 100],
  dagSuccessPercent: [1, 100],
  schedulerLagSeconds: [1, 86400],
  snapshotCount: [1, 1000000],
  smallFilePercent: [1, 100],
};

function resolveThresholds(
  type: WorkloadType,
  overrides: LayerThresholds | undefined,
): Required<LayerThresholds> {
  const applicable = thresholdsFor(type);
  const result = { ...DEFAULT_THRESHOLDS };
  for (const [key, value] of Object.entries(overrides ?? {})) {
    if (value === undefined || value === null) {
      continue;
    }
    const name = key as keyof LayerThresholds;
    const field = `thresholds.${key}`;
    if (!(name in THRESHOLD_LIMITS)) {
      throw bad(field, 'unknown threshold');
    }
    if (!applicable.includes(name)) {
      throw bad(
        field,
        `does not apply to a ${type}; its thresholds are ${applicable.join(
          ', ',
        )}`,
      );
    }
    const [min, max] = THRESHOLD_LIMITS[name];
    if (
      typeof value !== 'number' ||
      !Number.isFinite(value) ||
      value < min ||
      value > max
    ) {
      throw bad(field, `${value} is not a number between ${min} and ${max}`);
    }
    result[name] = value;
  }
  return result;
}

/**
 * Validates the render action's input and fills in the defaults. Every problem becomes an `InputError`
 * naming the field, so a template author sees which parameter to fix.
 * @public
 */
export function buildBundleSpec(
  input: MonitoringBundleInput,
  options: MonitoringBundleOptions = {},
): MonitoringBundleSpec {
  if (!WORKLOAD_TYPES.includes(input.type)) {
    throw bad(
      'type',
      `'${input.type}' is not one of ${WORKLOAD_TYPES.join(', ')}`,
    );
  }
  let entityRef: string;
  let entityName: string;
  try {
    const ref = parseEntityRef(input.entityRef);
    entityRef = stringifyEntityRef(ref);
    entityName = ref.name.toLowerCase();
  } catch (e) {
    throw bad('entityRef', (e as Error).message);
  }
  if (
    !/^[a-z][a-z0-9-]*:[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*$/.test(
      entityRef,
    )
  ) {
    throw bad(
      'entityRef',
      `'${input.entityRef}' is not a plain kind:namespace/name reference`,
    );
  }

  let owner: string;
  try {
    const ref = parseEntityRef(input.owner, {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
    if (ref.kind.toLowerCase() !== 'group') {
      throw new Error(`the owner must be a Group, not a ${ref.kind}`);
    }
    owner = stringifyEntityRef(ref);
  } catch (e) {
    throw bad('owner', (e as Error).message);
  }
  if (!/^group:[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*$/.test(owner)) {
    throw bad('owner', `'${input.owner}' is not a plain group reference`);
  }

  const name = blankToUndefined(input.name) ?? entityName;
  if (!DNS_LABEL.test(name)) {
    throw bad(
      'name',
      `'${name}' must be a DNS-1123 label (lowercase letters, digits, '-', at most 63)`,
    );
  }
  if (!DNS_LABEL.test(input.namespace ?? '')) {
    throw bad(
      'namespace',
      `'${input.namespace}' is not a valid Kubernetes namespace`,
    );
  }

  if (!input.environments?.length) {
    throw bad('environments', 'choose at least one environment');
  }
  input.environments.forEach((env, i) => {
    if (!isValidEnvironmentName(env)) {
      throw bad(
        `environments[${i}]`,
        `'${env}' is not a valid environment name`,
      );
    }
  });
  const environments = [...new Set(input.environments)];
  const configured = (options.environments ?? []).map(e => e.name);
  if (configured.length > 0) {
    environments.forEach(env => {
      if (!configured.includes(env)) {
        throw bad(
          `environments[${input.environments.indexOf(env)}]`,
          `'${env}' is not an environment of dataops.environments; configured: ${configured.join(
            ', ',
          )}`,
        );
      }
    });
  }

  // The annotate step writes the objective as text; judging that text keeps both steps in agreement.
  const sloObjective =
    input.sloObjective === undefined
      ? DEFAULT_SLO_POLICY.objective
      : accepted(
          'sloObjective',
          ANNOTATION_RULES.sloObjective.validate(String(input.sloObjective)),
        );
  const sloWindow = formatWindow(
    accepted(
      'sloWindow',
      ANNOTATION_RULES.sloWindow.validate(
        blankToUndefined(input.sloWindow) ?? '30d',
      ),
    ),
  );

  const identity = blankToUndefined(input.identity) ?? entityName;
  accepted('identity', IDENTITY_RULES[input.type].validate(identity));

  // Spark series carry the application name as `app` (docs/metrics-catalogue.md); DAG and table series
  // are told apart by the identity label the alert templates name, so the namespace is enough for them.
  const selector =
    blankToUndefined(input.selector) ??
    (input.type === 'spark-job'
      ? `namespace="${input.namespace}",app="${identity}"`
      : `namespace="${input.namespace}"`);
  const matchers = accepted(
    'selector',
    ANNOTATION_RULES.prometheusSelector.validate(selector),
  );
  const monitorLabels: Record<string, string> = {};
  for (const m of matchers) {
    if (m.op === '=' && m.name !== 'namespace') {
      monitorLabels[m.name] = m.value;
    }
  }
  if (Object.keys(monitorLabels).length === 0) {
    monitorLabels['app.kubernetes.io/name'] = name;
  }
  checkLabels('selector', monitorLabels);

  const resourceLabels = input.resourceLabels ?? {};
  checkLabels('resourceLabels', resourceLabels);

  const logIndex =
    blankToUndefined(input.logIndex) ?? `logs-${input.namespace}-*`;
  accepted('logIndex', ANNOTATION_RULES.opensearchIndex.validate(logIndex));
  if (logIndex.startsWith('*')) {
    // A fine annotation, but the bundle's ISM policy (which deletes indices) and index template apply to
    // every index the pattern matches, so it must start with the workload's own prefix.
    throw bad(
      'logIndex',
      `'${logIndex}' must start with a fixed prefix such as logs-<namespace>-: the log policy deletes every index it matches`,
    );
  }
  const logHotDays = input.logHotDays ?? 7;
  const logRetentionDays = input.logRetentionDays ?? 30;
  checkDays('logHotDays', logHotDays);
  checkDays('logRetentionDays', logRetentionDays);
  if (logRetentionDays <= logHotDays) {
    throw bad(
      'logRetentionDays',
      `must be longer than logHotDays (${logHotDays})`,
    );
  }

  const directory = blankToUndefined(input.targetPath) ?? `monitoring/${name}`;
  if (!SAFE_RELATIVE_PATH.test(directory)) {
    throw bad(
      'targetPath',
      `'${directory}' must be a relative path inside the workspace`,
    );
  }

  const storageText = blankToUndefined(input.storage);
  const storage = storageText
    ? accepted('storage', ANNOTATION_RULES.storage.validate(storageText))
    : [];

  const runSlaDefault = blankToUndefined(input.runSla) ?? '';
  if (runSlaDefault) {
    accepted('runSla', ANNOTATION_RULES.runSla.validate(runSlaDefault));
  }
  const runSlaByEnvironment = new Map<string, string>();
  for (const [env, value] of Object.entries(input.runSlaByEnvironment ?? {})) {
    const text = blankToUndefined(value);
    if (!text) {
      continue;
    }
    if (!environments.includes(env)) {
      throw bad(
        `runSlaByEnvironment.${env}`,
        `'${env}' is not one of the environments rendered (${environments.join(
          ', ',
        )})`,
      );
    }
    accepted(
      `runSlaByEnvironment.${env}`,
      ANNOTATION_RULES.runSla.validate(text),
    );
    runSlaByEnvironment.set(env, text);
  }
  const runSla = new Map<string, number>();
  for (const env of environments) {
    const text = runSlaByEnvironment.get(env) ?? runSlaDefault;
    if (text) {
      runSla.set(
        env,
        accepted('runSla', ANNOTATION_RULES.runSla.validate(text)),
      );
    }
  }

  const argocdAppName = blankToUndefined(input.argocdAppName);
  if (argocdAppName) {
    accepted(
      'argocdAppName',
      ANNOTATION_RULES.argocdAppName.validate(argocdAppName),
    );
  }

  return {
    entityRef,
    type: input.type,
    name,
    namespace: input.namespace,
    owner,
    environments,
    sloObjective,
    sloWindow,
    matchers,
    monitorLabels,
    identity,
    thresholds: resolveThresholds(input.type, input.thresholds),
    ...(input.profile ? { profile: resolveProfile(input.profile) } : {}),
    logIndex,
    logHotDays,
    logRetentionDays,
    resourceLabels,
    directory: directory.replace(/\/+$/, ''),
    storage,
    runSla,
    runSlaText: { default: runSlaDefault, byEnvironment: runSlaByEnvironment },
    ...(argocdAppName ? { argocdAppName } : {}),
    ...(blankToUndefined(input.gitopsRepoUrl)
      ? { argocd: resolveArgoSettings(input) }
      : {}),
  };
}

// https://host/path or git@host:path, the two forms Argo CD clones; no blanks, quotes or shell characters.
const GIT_URL =
  /^(https:\/\/[A-Za-z0-9.-]+(:\d{1,5})?(\/[A-Za-z0-9._~%/-]*)?|ssh:\/\/[A-Za-z0-9._-]+@[A-Za-z0-9.-]+(:\d{1,5})?\/[A-Za-z0-9._~/-]+|[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[A-Za-z0-9._~/-]+)$/;
const GIT_REVISION = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,199}$/;
const SERVER_URL =
  /^https:\/\/[A-Za-z0-9.-]+(:\d{1,5})?(\/[A-Za-z0-9._~/-]*)?$/;

function resolveArgoSettings(
  input: MonitoringBundleInput,
): ArgoApplicationSettings {
  const repoUrl = input.gitopsRepoUrl!.trim();
  if (repoUrl.length > 500 || !GIT_URL.test(repoUrl)) {
    throw bad(
      'gitopsRepoUrl',
      `'${repoUrl}' is not a Git URL Argo CD can clone (https://host/path or git@host:path)`,
    );
  }
  const revision = blankToUndefined(input.gitopsRevision) ?? 'HEAD';
  if (!GIT_REVISION.test(revision) || revision.includes('..')) {
    throw bad('gitopsRevision', `'${revision}' is not a branch, tag or commit`);
  }
  const project = blankToUndefined(input.argocdProject) ?? 'default';
  if (!DNS_LABEL.test(project)) {
    throw bad(
      'argocdProject',
      `'${project}' is not a valid Argo CD project name`,
    );
  }
  const namespace = blankToUndefined(input.argocdNamespace) ?? 'argocd';
  if (!DNS_LABEL.test(namespace)) {
    throw bad(
      'argocdNamespace',
      `'${namespace}' is not a valid Kubernetes namespace`,
    );
  }
  const server =
    blankToUndefined(input.argocdServer) ?? 'https://kubernetes.default.svc';
  if (server.length > 500 || !SERVER_URL.test(server)) {
    throw bad('argocdServer', `'${server}' is not an https URL of a cluster`);
  }
  return { repoUrl, revision, project, namespace, server };
}
