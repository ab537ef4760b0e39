import { createRouteRef } from '@backstage/core-plugin-api';

/*
 * One route ref per entity tab. The tabs link to each other through these refs, so the links follow wherever
 * the app mounts each tab (the legacy `EntityLayout.Route` path, or the new frontend system's default path and
 * its app-config override). The `/alpha` plugin converts them in place so that the same objects resolve in
 * both frontend systems.
 */

/** Route of the Observability tab: the overview matrix and the active alerts. @public */
export const dataOpsObservabilityRouteRef = createRouteRef({
  id: 'dataops:observability',
});

/** Route of the Metrics tab. @public */
export const dataOpsMetricsRouteRef = createRouteRef({ id: 'dataops:metrics' });

/** Route of the Logs tab. @public */
export const dataOpsLogsRouteRef = createRouteRef({ id: 'dataops:logs' });

/** Route of the Deployments tab. @public */
export const dataOpsDeploymentsRouteRef = createRouteRef({
  id: 'dataops:deployments',
});

/** Route of the SLO tab. @public */
export const dataOpsSloRouteRef = createRouteRef({ id: 'dataops:slo' });

/** Route of the Storage tab. @public */
export const dataOpsStorageRouteRef = createRouteRef({ id: 'dataops:storage' });

/** Route of the Runs tab. @public */
export const dataOpsRunsRouteRef = createRouteRef({ id: 'dataops:runs' });
