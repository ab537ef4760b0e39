import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { PageBlueprint } from '@backstage/frontend-plugin-api';
import DashboardIcon from '@material-ui/icons/Dashboard';
import { dataOpsFleetRouteRef } from '../routes';

/** The fleet page for the new frontend system, at `/dataops` unless configured. */
export const dataOpsFleetPage = PageBlueprint.make({
  name: 'fleet',
  params: {
    path: '/dataops',
    title: 'DataOps',
    icon: <DashboardIcon />,
    routeRef: convertLegacyRouteRef(dataOpsFleetRouteRef),
    // The new frontend system's page layout draws the page header itself; the content comes without one.
    loader: () =>
      import('../components/FleetPage').then(m => <m.FleetPageContent />),
  },
});
