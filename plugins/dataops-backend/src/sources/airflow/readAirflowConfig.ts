import {
  checkSourceUrl,
  readSourceConcurrency,
  readSourceUrl,
} from '@dataops-observability/plugin-dataops-node';
import type { DataOpsSourceConfigContext } from '@dataops-observability/plugin-dataops-node';

/** How the backend signs in to the Airflow REST API: basic auth or a bearer token, or neither. */
export type AirflowAuth =
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'token'; token: string }
  | { kind: 'none' };

/** `airflow` of an environment (an Airflow 2 webserver with the stable REST API), validated. */
export interface AirflowConfig {
  /** Base URL of the webserver; the API is `<url>/api/v1`. */
  url: string;
  /** Base URL of the web UI for links out; the webserver's URL unless set. */
  uiUrl: string;
  auth: AirflowAuth;
  maxConcurrency: number;
}

/** Reads `airflow` of an environment item; `undefined` when the environment has none. */
export function readAirflowConfig({
  config: env,
}: DataOpsSourceConfigContext): AirflowConfig | undefined {
  if (!env.has('airflow')) {
    return undefined;
  }
  const config = env.getConfig('airflow');
  const url = readSourceUrl(config, 'airflow');
  const uiUrl = config.getOptionalString('uiUrl');
  const username = config.getOptionalString('username');
  const password = config.getOptionalString('password');
  const token = config.getOptionalString('token');
  if (Boolean(username) !== Boolean(password)) {
    throw new Error('airflow needs both username and password, or neither');
  }
  if (username && token) {
    // Two credentials leave it unclear which identity the API sees; make the choice explicit.
    throw new Error('airflow takes username/password or token, not both');
  }
  let auth: AirflowAuth = { kind: 'none' };
  if (username && password) {
    auth = { kind: 'basic', username, password };
  } else if (token) {
    auth = { kind: 'token', token };
  }
  return {
    url,
    uiUrl: uiUrl ? checkSourceUrl(uiUrl, 'airflow.uiUrl') : url,
    auth,
    maxConcurrency: readSourceConcurrency(config, 'airflow'),
  };
}
