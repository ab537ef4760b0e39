export { AirflowClient } from './AirflowClient';
export type {
  AirflowDagRun,
  AirflowDagRunPage,
  AirflowTaskInstance,
} from './AirflowClient';
export {
  AirflowIdError,
  isValidDagId,
  isValidRunId,
  isValidTaskId,
} from './airflowIds';
export { airflowSource } from './airflowSource';
export type { AirflowAuth, AirflowConfig } from './readAirflowConfig';
