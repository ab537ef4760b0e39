import { convertLegacyRouteRefs } from '@backstage/core-compat-api';
import {
  dataOpsDeploymentsRouteRef,
  dataOpsLogsRouteRef,
  dataOpsMetricsRouteRef,
  dataOpsObservabilityRouteRef,
  dataOpsSloRouteRef,
  dataOpsStorageRouteRef,
} from '../routes';

/**
 * The tabs' route refs for the new frontend system. The conversion makes the legacy refs usable in both
 * systems in place, so the components resolve the same objects with `useRouteRef` whichever system renders
 * them.
 */
export const dataOpsRoutes = convertLegacyRouteRefs({
  observability: dataOpsObservabilityRouteRef,
  metrics: dataOpsMetricsRouteRef,
  logs: dataOpsLogsRouteRef,
  deployments: dataOpsDeploymentsRouteRef,
  slo: dataOpsSloRouteRef,
  storage: dataOpsStorageRouteRef,
});
