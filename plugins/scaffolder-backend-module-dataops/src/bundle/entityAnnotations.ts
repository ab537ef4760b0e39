import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  ANNOTATIONS,
  checkAppScope,
  checkLogScope,
  EnvironmentRules,
  expandScopeTemplate,
  formatMatchers,
  scopeIdentity,
  validateAnnotations,
} from '@dataops-observability/plugin-dataops-common';
import { argoApplicationName } from './buildArgoApplication';
import type { MonitoringBundleSpec, WorkloadType } from './types';

/** The annotation that holds each workload type's identity. */
const IDENTITY_ANNOTATION: Record<WorkloadType, string> = {
  'spark-job': ANNOTATIONS.sparkAppName,
  'airflow-dag': ANNOTATIONS.airflowDagId,
  'iceberg-table': ANNOTATIONS.icebergTable,
};

/** Annotations the entity's tabs need, and what the onboarding could not give it. @public */
export interface EntityAnnotations {
  /** Key to value, `.<env>` overrides included, in the order they are written. */
  annotations: Record<string, string>;
  /** Why a tab stays without data, in words for the person onboarding (empty when every tab gets data). */
  notes: string[];
}

/** The entity the annotations are judged on: only its reference matters to the data scope rule. */
function entityOf(
  spec: MonitoringBundleSpec,
  annotations: Record<string, string>,
): Entity {
  const ref = parseEntityRef(spec.entityRef);
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: ref.kind,
    metadata: { name: ref.name, namespace: ref.namespace, annotations },
  };
}

/**
 * Writes one value per environment as the base key when every environment has the same value, else as
 * `.<env>` overrides of the environments that have one.
 */
function setPerEnvironment(
  target: Record<string, string>,
  key: string,
  values: ReadonlyMap<string, string>,
  environments: string[],
) {
  const distinct = new Set(values.values());
  if (distinct.size === 0) {
    return;
  }
  if (distinct.size === 1 && values.size === environments.length) {
    target[key] = [...distinct][0];
    return;
  }
  for (const env of environments) {
    const value = values.get(env);
    if (value !== undefined) {
      target[`${key}.${env}`] = value;
    }
  }
}

/** A scope template filled for the entity in each rendered environment that has one. */
function perEnvironmentScope(
  spec: MonitoringBundleSpec,
  rules: ReadonlyMap<string, EnvironmentRules>,
  pick: (env: EnvironmentRules) => string | undefined,
): Map<string, string> {
  const entity = entityOf(spec, {});
  const values = new Map<string, string>();
  for (const env of spec.environments) {
    const envRules = rules.get(env);
    const template = envRules && pick(envRules);
    if (template) {
      values.set(
        env,
        expandScopeTemplate(template, scopeIdentity(entity, env)),
      );
    }
  }
  return values;
}

/**
 * Labels that make the bundle's Argo CD Application of `env` match the environment's `entityScope.appSelector`
 * filled for the entity (`backstage.io/kubernetes-id: daily-sales-etl`); none without that rule.
 * @public
 */
export function appSelectorLabels(
  spec: MonitoringBundleSpec,
  env: string,
  environments: EnvironmentRules[] = [],
): Record<string, string> {
  const rules = new Map(environments.map(e => [e.name, e]));
  const requirement = perEnvironmentScope(
    { ...spec, environments: [env] },
    rules,
    e => e.entityScope?.appSelector,
  ).get(env);
  const eq = requirement?.indexOf('=') ?? -1;
  if (!requirement || eq < 1) {
    return {};
  }
  return {
    [requirement.slice(0, eq).trim()]: requirement
      .slice(eq + 1)
      .replace(/^=/, '')
      .trim(),
  };
}

/**
 * Every annotation the entity's tabs need after onboarding, judged by the catalog's rulebook with the
 * configured environments, so the catalog processor accepts the entity as written:
 * - what the bundle was rendered with (environments, SLO, selector, index pattern, identity);
 * - `dataops.io/opensearch-filter`: each environment's `entityScope.logFilter` term filled for the entity;
 * - `argocd/app-name` (the workload's own application, else the bundle's Application) or, where the
 *   environments bind applications by label, `argocd/app-selector` with their `appSelector` requirement;
 * - `dataops.io/storage` and `dataops.io/run-sla` when given.
 * Values that differ between environments become `.<env>` overrides. Where the environments' scope rule can
 * not bind this entity's logs at all (a rule naming Components only, for a table), the log annotations are
 * left out and a note says why. Throws an `InputError` naming the annotation the catalog would refuse.
 * @public
 */
export function buildEntityAnnotations(
  spec: MonitoringBundleSpec,
  environments: EnvironmentRules[] = [],
): EntityAnnotations {
  const rules = new Map(environments.map(e => [e.name, e]));
  const notes: string[] = [];
  const out: Record<string, string> = {
    [ANNOTATIONS.environments]: spec.environments.join(','),
    [ANNOTATIONS.sloObjective]: String(spec.sloObjective),
    [ANNOTATIONS.sloWindow]: spec.sloWindow,
    [ANNOTATIONS.prometheusSelector]: formatMatchers(spec.matchers),
    [IDENTITY_ANNOTATION[spec.type]]: spec.identity,
  };

  const filters = perEnvironmentScope(
    spec,
    rules,
    e => e.entityScope?.logFilter,
  );
  const logs: Record<string, string> = {
    [ANNOTATIONS.opensearchIndex]: spec.logIndex,
  };
  setPerEnvironment(
    logs,
    ANNOTATIONS.opensearchFilter,
    filters,
    spec.environments,
  );
  const unbindable = spec.environments.flatMap(env => {
    const envRules = rules.get(env);
    const problems = envRules
      ? checkLogScope(entityOf(spec, logs), envRules)
      : [];
    // The rule's own wording: the template lacks {kind} or {namespace} to tell this entity apart.
    return problems.filter(p => p.message.startsWith('this entity can not'));
  });
  if (unbindable.length === spec.environments.length) {
    notes.push(
      `No log annotations: ${unbindable[0].message}. The Logs tab stays hidden until the environments' entityScope.logFilter can name this entity.`,
    );
  } else if (unbindable.length > 0) {
    throw new InputError(
      `Invalid input 'environments': ${unbindable[0].message}`,
    );
  } else {
    Object.assign(out, logs);
  }

  const selectors = perEnvironmentScope(
    spec,
    rules,
    e => e.entityScope?.appSelector,
  );
  const selecting: Record<string, string> = {};
  setPerEnvironment(
    selecting,
    ANNOTATIONS.argocdAppSelector,
    selectors,
    spec.environments,
  );
  // As for logs: a rule that can not tell this entity apart (a Resource, with a rule naming Components)
  // makes a selector useless, so the entity names the bundle's Application instead.
  const selectorBindable = spec.environments.every(env => {
    const envRules = rules.get(env);
    return !(
      envRules ? checkAppScope(entityOf(spec, selecting), envRules) : []
    ).some(p => p.message.startsWith('this entity can not'));
  });
  if (spec.argocdAppName) {
    out[ANNOTATIONS.argocdAppName] = spec.argocdAppName;
  } else if (selectors.size > 0 && selectorBindable) {
    Object.assign(out, selecting);
  } else if (spec.argocd) {
    out[ANNOTATIONS.argocdAppName] = argoApplicationName(spec);
  } else {
    notes.push(
      'No Argo CD annotation: give the GitOps repository so the bundle gets an Argo CD Application, or add argocd/app-name to the entity.',
    );
  }

  if (spec.storage.length > 0) {
    out[ANNOTATIONS.storage] = spec.storage
      .map(s => `${s.kind}:${s.name}`)
      .join(',');
  }
  if (spec.runSlaText.default) {
    out[ANNOTATIONS.runSla] = spec.runSlaText.default;
  }
  for (const [env, value] of spec.runSlaText.byEnvironment) {
    out[`${ANNOTATIONS.runSla}.${env}`] = value;
  }

  const problems = validateAnnotations(entityOf(spec, out), {
    environments,
    rejectForeignKeys: true,
  });
  if (problems.length > 0) {
    throw new InputError(
      `Invalid input: the catalog would refuse annotation '${problems[0].annotation}': ${problems[0].message}`,
    );
  }
  return { annotations: out, notes };
}
