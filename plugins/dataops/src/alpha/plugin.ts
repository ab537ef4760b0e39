import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { dataOpsApi } from './apis';
import { dataOpsInventoryPage } from './inventoryPage';
import { dataOpsFleetPage } from './fleetPage';
import { dataOpsRoutes } from './routes';
import { dataOpsEnvironmentPickerFormField } from './formFields';
import {
  dataOpsAlertsCard,
  dataOpsPipelineCard,
  dataOpsTabContents,
  dataOpsTeamAlertsCard,
  dataOpsTeamReportCard,
} from './entityContents';
import { TAB_DEFINITIONS } from '../tabs';

/**
 * The DataOps plugin for the new frontend system: the API, the entity tabs of the tab table (each shown only on entities it
 * applies to), the alerts card, the group page's team alerts card and the scaffolder form field
 * `DataOpsEnvironmentPicker`.
 * @alpha
 */
export const dataOpsFrontendPlugin = createFrontendPlugin({
  pluginId: 'dataops',
  routes: dataOpsRoutes,
  extensions: [
    dataOpsApi,
    ...TAB_DEFINITIONS.map(tab => dataOpsTabContents[tab.name]),
    dataOpsAlertsCard,
    dataOpsPipelineCard,
    dataOpsTeamAlertsCard,
    dataOpsTeamReportCard,
    dataOpsInventoryPage,
    dataOpsFleetPage,
    dataOpsEnvironmentPickerFormField,
  ],
});
