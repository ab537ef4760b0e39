import type { ArgoApplicationSettings, MonitoringBundleSpec } from './types';

/** Name of the Argo CD Application that syncs the bundle; the same in every environment's Argo CD. @public */
export function argoApplicationName(spec: MonitoringBundleSpec): string {
  // Application names are DNS labels; the bundle name is one of at most 63, so cut it to fit the suffix.
  return `${spec.name.slice(0, 63 - '-monitoring'.length)}-monitoring`;
}

/**
 * The Argo CD Application of one environment (`argoproj.io/v1alpha1`): syncs the environment's kustomize
 * overlay of the bundle from the GitOps repository into the workload's namespace, pruning what the bundle
 * no longer holds. `labels` carry the environment's `entityScope.appSelector` requirement for the entity,
 * so an `argocd/app-selector` of the entity finds it.
 * @public
 */
export function buildArgoApplication(
  spec: MonitoringBundleSpec,
  argo: ArgoApplicationSettings,
  env: string,
  labels: Record<string, string>,
): Record<string, unknown> {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: argoApplicationName(spec),
      namespace: argo.namespace,
      labels: {
        ...labels,
        'app.kubernetes.io/managed-by': 'backstage-dataops',
        'dataops.io/environment': env,
      },
      annotations: { 'backstage.io/entity-ref': spec.entityRef },
      // Deleting the Application removes the monitors and rules it created.
      finalizers: ['resources-finalizer.argocd.argoproj.io'],
    },
    spec: {
      project: argo.project,
      source: {
        repoURL: argo.repoUrl,
        targetRevision: argo.revision,
        path: `${spec.directory}/overlays/${env}`,
      },
      destination: { server: argo.server, namespace: spec.namespace },
      syncPolicy: {
        automated: { prune: true, selfHeal: true },
        // ServerSideApply: PrometheusRule objects with many rules outgrow the client-side annotation limit.
        syncOptions: ['ServerSideApply=true'],
      },
    },
  };
}
