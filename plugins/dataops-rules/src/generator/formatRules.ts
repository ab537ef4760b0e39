import { stringify } from 'yaml';
import { SloInputError } from '@dataops-observability/plugin-dataops-common';
import type { RulesFile } from './types';

const YAML_OPTIONS = { lineWidth: 0 } as const;

/** A Prometheus rules file (`promtool check rules` format) as YAML. @public */
export function toRulesFileYaml(rules: RulesFile): string {
  return stringify(rules, YAML_OPTIONS);
}

/** Metadata of the generated PrometheusRule resource. @public */
export interface PrometheusRuleMetadata {
  /** Resource name (DNS-1123). */
  name: string;
  /** Kubernetes namespace of the resource; omitted when absent. */
  namespace?: string;
  /** Labels the Prometheus operator's `ruleSelector` matches on, e.g. `{ release: 'kube-prometheus-stack' }`. */
  labels?: Record<string, string>;
}

const DNS_1123 = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;

/** Builds a Kubernetes-safe resource name from free text such as an entity ref. @public */
export function toResourceName(text: string): string {
  const name = text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 253)
    .replace(/-+$/, '');
  if (!name) {
    throw new SloInputError(`Cannot derive a resource name from '${text}'`);
  }
  return name;
}

/**
 * The same groups wrapped in a `monitoring.coreos.com/v1` PrometheusRule, for clusters run by the
 * Prometheus operator (kube-prometheus-stack).
 * @public
 */
export function toPrometheusRule(
  rules: RulesFile,
  metadata: PrometheusRuleMetadata,
): Record<string, unknown> {
  if (!DNS_1123.test(metadata.name)) {
    throw new SloInputError(
      `Invalid PrometheusRule name '${metadata.name}': use lowercase letters, digits, '-' and '.'`,
    );
  }
  if (
    metadata.namespace !== undefined &&
    !/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(metadata.namespace)
  ) {
    throw new SloInputError(`Invalid namespace '${metadata.namespace}'`);
  }
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: {
      name: metadata.name,
      ...(metadata.namespace && { namespace: metadata.namespace }),
      labels: {
        'app.kubernetes.io/managed-by': 'backstage-dataops',
        ...metadata.labels,
      },
    },
    spec: { groups: rules.groups },
  };
}

/** {@link toPrometheusRule} as YAML. @public */
export function toPrometheusRuleYaml(
  rules: RulesFile,
  metadata: PrometheusRuleMetadata,
): string {
  return stringify(toPrometheusRule(rules, metadata), YAML_OPTIONS);
}
