import { convertLegacyRouteRefs } from '@backstage/core-compat-api';
import { dataOpsFleetRouteRef, dataOpsInventoryRouteRef } from '../routes';
import { TAB_ROUTES_BY_NAME } from '../tabs';

/**
 * The tabs' route refs for the new frontend system. The conversion makes the legacy refs usable in both
 * systems in place, so the components resolve the same objects with `useRouteRef` whichever system renders
 * them.
 */
export const dataOpsRoutes = convertLegacyRouteRefs({
  ...TAB_ROUTES_BY_NAME,
  inventory: dataOpsInventoryRouteRef,
  fleet: dataOpsFleetRouteRef,
});
