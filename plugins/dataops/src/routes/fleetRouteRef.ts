import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * Route of the DataOps fleet page: every annotated entity the user may see, worst first, one column per
 * environment (docs/fleet.md).
 * @public
 */
export const dataOpsFleetRouteRef = createRouteRef({ id: 'dataops:fleet' });
