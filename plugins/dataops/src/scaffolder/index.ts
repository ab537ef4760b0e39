export {
  DataOpsEnvironmentPicker,
  DataOpsEnvironmentPickerFieldSchema,
  DATAOPS_ENVIRONMENT_PICKER,
} from './DataOpsEnvironmentPicker';
export type { DataOpsEnvironmentPickerProps } from './DataOpsEnvironmentPicker';
