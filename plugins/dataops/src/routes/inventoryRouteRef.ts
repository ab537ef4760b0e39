import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * Route of the metric inventory page (an admin page, not an entity tab): which series the configured panels,
 * SLIs and storage checks need per environment, and which are missing. A "not collected" panel links here.
 * @public
 */
export const dataOpsInventoryRouteRef = createRouteRef({
  id: 'dataops:inventory',
});
