/**
 * The DataOps plugin for the new frontend system.
 *
 * @packageDocumentation
 */
export { dataOpsFrontendPlugin as default } from './plugin';
export { dataOpsApi } from './apis';
export { dataOpsEnvironmentPickerFormField } from './formFields';
export {
  dataOpsObservabilityContent,
  dataOpsMetricsContent,
  dataOpsLogsContent,
  dataOpsDeploymentsContent,
  dataOpsSloContent,
  dataOpsStorageContent,
  dataOpsRunsContent,
  dataOpsAlertsCard,
  dataOpsPipelineCard,
  dataOpsTeamAlertsCard,
  dataOpsTeamReportCard,
} from './entityContents';
