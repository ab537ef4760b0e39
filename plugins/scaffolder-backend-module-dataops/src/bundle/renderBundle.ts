import { stringify } from 'yaml';
import {
  generateSloRules,
  toPrometheusRule,
} from '@dataops-observability/plugin-dataops-rules';
import { sliTemplateFromProfile } from '@dataops-observability/plugin-dataops-common';
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

/** The PrometheusRule resource of one environment: layer alerts first, then the SLO group. @public */
export function buildPrometheusRule(
  spec: MonitoringBundleSpec,
  env: string,
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
  return toPrometheusRule(
    { groups: [layers, ...slo.groups] },
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
export function renderBundle(spec: MonitoringBundleSpec): GeneratedFile[] {
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
        buildPrometheusRule(spec, env),
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
  }
  return files;
}
