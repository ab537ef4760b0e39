import {
  ANNOTATIONS,
  ArgoApplicationStatus,
  DeploymentsData,
  checkAppScope,
  checkLabelSelector,
  isValidArgoCdAppName,
  readAnnotation,
  rollupArea,
} from '@dataops-observability/plugin-dataops-common';
import {
  DataOpsMissingAnnotationError,
  DataOpsSourceError,
  DataOpsView,
} from '@dataops-observability/plugin-dataops-node';
import { argocdSource } from '../../sources';
import type { ViewDependencies } from '../shared';
import { toApplicationStatus } from './toApplicationStatus';
import { withDeploymentLinks } from './deploymentLinks';

/** How long an observed OutOfSync start is remembered. */
const OUT_OF_SYNC_MEMORY_MS = 7 * 24 * 3600_000;

/**
 * `deployments`: Argo CD applications of the entity on every instance of the environment. Argo CD does not
 * record when an application left Synced, so the first time this backend (any instance, through the shared
 * cache) saw it OutOfSync is remembered; before that, Argo CD's last reconciliation time is the estimate.
 */
export function createDeploymentsView(
  deps: ViewDependencies,
  now: () => number = Date.now,
): DataOpsView<DeploymentsData> {
  async function outOfSyncSince(env: string, instance: string, app: any) {
    const key = `oos:${env}:${instance}:${app?.metadata?.name}`;
    if (app?.status?.sync?.status !== 'OutOfSync') {
      await deps.cache.delete(key);
      return undefined;
    }
    const seen = (await deps.cache.get(key)) as string | undefined;
    if (seen) {
      return seen;
    }
    const estimate = new Date(
      Math.min(now(), Date.parse(app?.status?.reconciledAt ?? '') || now()),
    ).toISOString();
    await deps.cache.set(key, estimate, { ttl: OUT_OF_SYNC_MEMORY_MS });
    return estimate;
  }

  return {
    name: 'deployments',
    ttlSeconds: 15,
    area: 'deployments',
    async run(ctx) {
      const instances = ctx.source(argocdSource);
      const appName = readAnnotation(
        ctx.entity,
        ANNOTATIONS.argocdAppName,
        ctx.env.name,
      );
      const selector = readAnnotation(
        ctx.entity,
        ANNOTATIONS.argocdAppSelector,
        ctx.env.name,
      );
      if (appName && !isValidArgoCdAppName(appName)) {
        throw new DataOpsSourceError({
          type: 'BAD_ANNOTATION',
          source: 'argocd',
          message: `${ANNOTATIONS.argocdAppName}: '${appName}' is not a valid application name`,
        });
      }
      if (!appName && !selector) {
        throw new DataOpsMissingAnnotationError(
          'argocd',
          `the entity has neither ${ANNOTATIONS.argocdAppName} nor ${ANNOTATIONS.argocdAppSelector}`,
        );
      }
      if (!appName && selector && checkLabelSelector(selector)) {
        throw new DataOpsSourceError({
          type: 'BAD_ANNOTATION',
          source: 'argocd',
          message: `${
            ANNOTATIONS.argocdAppSelector
          }: '${selector}' is not a label selector: ${checkLabelSelector(
            selector,
          )}`,
        });
      }
      // The data scope rule, as the catalog processor applies it: a selector names the entity's own label.
      const [outOfScope] = checkAppScope(ctx.entity, {
        name: ctx.env.name,
        entityScope: instances[0]?.config?.entityScope,
      });
      if (outOfScope) {
        throw new DataOpsSourceError({
          type: 'BAD_ANNOTATION',
          source: 'argocd',
          message: `${outOfScope.annotation}: ${outOfScope.message}`,
        });
      }
      const settled = await Promise.allSettled(
        instances.map(async client => {
          const apps = appName
            ? [await client.getApplication(appName, ctx.signal)].filter(Boolean)
            : await client.listApplications(selector!, ctx.signal);
          return Promise.all(
            apps.map(async app =>
              withDeploymentLinks(
                toApplicationStatus(
                  client.name,
                  app,
                  await outOfSyncSince(ctx.env.name, client.name, app),
                  now(),
                ),
                client.config,
              ),
            ),
          );
        }),
      );
      const applications: ArgoApplicationStatus[] = [];
      const instanceErrors: DeploymentsData['instanceErrors'] = [];
      settled.forEach((s, i) => {
        if (s.status === 'fulfilled') {
          applications.push(...s.value);
        } else if (s.reason instanceof DataOpsSourceError) {
          instanceErrors.push({
            instance: instances[i].name,
            error: s.reason.toUpstreamError(),
          });
        } else {
          throw s.reason;
        }
      });
      if (instanceErrors.length === instances.length) {
        throw (settled[0] as PromiseRejectedResult).reason;
      }
      if (instanceErrors.length > 0) {
        ctx.markPartial(
          `${instanceErrors.length} of ${instances.length} Argo CD instances failed`,
        );
      }
      return {
        applications,
        ...(instanceErrors.length ? { instanceErrors } : {}),
      };
    },
    summarize(data) {
      return rollupArea(
        data.applications.map(a => ({
          label: `${a.instance}/${a.name}`,
          level: a.level,
          detail: `${a.syncStatus}, ${a.healthStatus}`,
        })),
        'no Argo CD application found',
      );
    },
  };
}
