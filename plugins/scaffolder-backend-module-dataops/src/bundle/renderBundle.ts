import { stringify } from 'yaml';
import {
  generateSloRules,
  toPrometheusRule,
} from '@dataops-observability/plugin-dataops-rules';
import {
  EnvironmentRules,
  sliTemplateFromProfile,
} from '@dataops-observability/plugin-dataops-common';
import { buildArgoApplication } from './buildArgoApplication';
import { appSelectorLabels } from './entityAnnotations';
import { buildRunSlaAlerts } from './runSlaAlerts';
import { buildStorageAlerts, StorageCheckSettings } from './storageAlerts';
import {
  buildBaseKustomization,
  buildOverlayKustomization,
} from './buildKustomizations';
import { buildIndexTemplate, buildIsmPolicy } from './buildLogPolicy';
import { buildMonitor, monitorFileName } from './buildMonitor';
import { buildLayerAlerts, IDENTITY_KEY } from './layerAlerts';
import type { GeneratedFile, MonitoringBundleSpec } from './types';

const RULE_FILE = 'prometheus-rule.yaml';

function yamlFile(path: string, value: unknown): GeneratedFile {
  // lineWidth 0: long PromQL stays on one line instead of being folded at 80 columns.
  return { path, content: stringify(value, { lineWidth: 0 }) };
}

function jsonFile(path: string, value: unknown): GeneratedFile {
  return { path, content: `${JSON.stringify(value, null, 2)}\n` };
}

/** What the installation's configuration adds to the rendered files. @public */
export interface RenderBundleOptions {
  /** `dataops.environments`: their `entityScope.appSelector` labels the Argo CD Applications. */
  environments?: EnvironmentRules[];
  /** `dataops.storage.checks` overrides of the storage alerts' thresholds and queries, by check id. */
  storageChecks?: ReadonlyMap<string, StorageCheckSettings>;
}

/**
 * The PrometheusRule resource of one environment: layer alerts, then the storage alerts of the declared
 * storage and the run-SLA alerts when there are any, then the SLO group.
 * @public
 */
export function buildPrometheusRule(
  spec: MonitoringBundleSpec,
  env: string,
  options: RenderBundleOptions = {},
): Record<string, unknown> {
  // An exporter that publishes no run outcomes (the Spark standalone master) has no SLI: no SLO rules
  // rather than rules over counters the environment does not have.
  const hasSli =
    !spec.profile ||
    sliTemplateFromProfile(spec.type, spec.profile) !== undefined;
  const slo = hasSli
    ? generateSloRules({
        entityRef: spec.entityRef,
        owner: spec.owner,
        entityType: spec.type,
        ...(spec.profile ? { profile: spec.profile } : {}),
        identity: { [IDENTITY_KEY[spec.type]]: spec.identity },
        matchers: spec.matchers,
        env,
        objective: spec.sloObjective,
        period: spec.sloWindow,
      })
    : { groups: [] };
  const layers = {
    name: `dataops:${spec.entityRef}:layers:${env}`,
    rules: buildLayerAlerts(spec, env),
  };
  const storage = buildStorageAlerts(spec, env, options.storageChecks);
  const runs = buildRunSlaAlerts(spec, env);
  const extra = [
    { name: `dataops:${spec.entityRef}:storage:${env}`, rules: storage },
    { name: `dataops:${spec.entityRef}:runs:${env}`, rules: runs },
  ].filter(g => g.rules.length > 0);
  return toPrometheusRule(
    { groups: [layers, ...extra, ...slo.groups] },
    {
      name: `${spec.name}-dataops`,
      namespace: spec.namespace,
      labels: { ...spec.resourceLabels, 'dataops.io/environment': env },
    },
  );
}

/**
 * Every file of one workload's monitoring bundle, paths relative to the workspace:
 * a kustomize base with the ServiceMonitor/PodMonitor, an overlay per environment with its PrometheusRule,
 * and per environment the OpenSearch ISM policy and index template for the workload's logs.
 * @public
 */
export function renderBundle(
  spec: MonitoringBundleSpec,
  options: RenderBundleOptions = {},
): GeneratedFile[] {
  const dir = spec.directory;
  const monitorFile = monitorFileName(spec.type);
  const files: GeneratedFile[] = [
    yamlFile(
      `${dir}/base/kustomization.yaml`,
      buildBaseKustomization(spec, monitorFile),
    ),
    yamlFile(`${dir}/base/${monitorFile}`, buildMonitor(spec)),
  ];
  for (const env of spec.environments) {
    files.push(
      yamlFile(
        `${dir}/overlays/${env}/kustomization.yaml`,
        buildOverlayKustomization(env, RULE_FILE),
      ),
      yamlFile(
        `${dir}/overlays/${env}/${RULE_FILE}`,
        buildPrometheusRule(spec, env, options),
      ),
      jsonFile(
        `${dir}/opensearch/${env}/ism-policy.json`,
        buildIsmPolicy(spec, env),
      ),
      jsonFile(
        `${dir}/opensearch/${env}/index-template.json`,
        buildIndexTemplate(spec, env),
      ),
    );
    if (spec.argocd) {
      // Outside the overlay: the Application is applied to Argo CD's namespace, not the workload's.
      files.push(
        yamlFile(
          `${dir}/argocd/${env}/application.yaml`,
          buildArgoApplication(
            spec,
            spec.argocd,
            env,
            appSelectorLabels(spec, env, options.environments),
          ),
        ),
      );
    }
  }
  return files;
}
