import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { dataOpsApi } from './apis';
import { dataOpsRoutes } from './routes';
import {
  dataOpsAlertsCard,
  dataOpsTeamAlertsCard,
  dataOpsDeploymentsContent,
  dataOpsSloContent,
  dataOpsStorageContent,
  dataOpsLogsContent,
  dataOpsMetricsContent,
  dataOpsObservabilityContent,
} from './entityContents';

/**
 * The DataOps plugin for the new frontend system: the API, six entity tabs (each shown only on entities it
 * applies to), the alerts card and the group page's team alerts card.
 * @alpha
 */
export const dataOpsFrontendPlugin = createFrontendPlugin({
  pluginId: 'dataops',
  routes: dataOpsRoutes,
  extensions: [
    dataOpsApi,
    dataOpsObservabilityContent,
    dataOpsMetricsContent,
    dataOpsLogsContent,
    dataOpsDeploymentsContent,
    dataOpsSloContent,
    dataOpsStorageContent,
    dataOpsAlertsCard,
    dataOpsTeamAlertsCard,
  ],
});
