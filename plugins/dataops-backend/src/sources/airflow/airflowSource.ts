import { createDataOpsSource } from '@dataops-observability/plugin-dataops-node';
import { AirflowClient } from './AirflowClient';
import { readAirflowConfig } from './readAirflowConfig';

/** `airflow`: an Airflow webserver's stable REST API, read by the `runs` view for DAG entities. */
export const airflowSource = createDataOpsSource({
  id: 'airflow',
  readConfig: readAirflowConfig,
  createClient: (config, { timeoutMs, maxResponseBytes }) =>
    new AirflowClient(config, timeoutMs, maxResponseBytes),
  // Where the links out point is no secret; the credentials stay in the backend.
  environmentInfo: config => (config ? { uiUrl: config.uiUrl } : {}),
});
