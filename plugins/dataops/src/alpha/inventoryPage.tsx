import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { PageBlueprint } from '@backstage/frontend-plugin-api';
import { dataOpsInventoryRouteRef } from '../routes';

/** The metric inventory page for the new frontend system, at `/dataops-inventory` unless configured. */
export const dataOpsInventoryPage = PageBlueprint.make({
  name: 'inventory',
  params: {
    path: '/dataops-inventory',
    routeRef: convertLegacyRouteRef(dataOpsInventoryRouteRef),
    loader: () =>
      import('../components/InventoryPage').then(m => <m.InventoryPage />),
  },
});
