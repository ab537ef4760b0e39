import type { MonitoringBundleSpec } from './types';

const KUSTOMIZATION = {
  apiVersion: 'kustomize.config.k8s.io/v1beta1',
  kind: 'Kustomization',
};

/** `base/kustomization.yaml`: the monitor, shared by every environment. @public */
export function buildBaseKustomization(
  spec: MonitoringBundleSpec,
  monitorFile: string,
): Record<string, unknown> {
  return {
    ...KUSTOMIZATION,
    namespace: spec.namespace,
    labels: [
      {
        // Selectors are left alone: the monitor's selector must keep matching the workload's own labels.
        includeSelectors: false,
        pairs: {
          'app.kubernetes.io/managed-by': 'backstage-dataops',
          'app.kubernetes.io/part-of': spec.name,
        },
      },
    ],
    resources: [monitorFile],
  };
}

/** `overlays/<env>/kustomization.yaml`: the base plus the environment's rules. @public */
export function buildOverlayKustomization(
  env: string,
  ruleFile: string,
): Record<string, unknown> {
  return {
    ...KUSTOMIZATION,
    resources: ['../../base', ruleFile],
    labels: [
      { includeSelectors: false, pairs: { 'dataops.io/environment': env } },
    ],
  };
}
