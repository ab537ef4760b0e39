import {
  checkSourceUrl,
  readSourceConcurrency,
  readSourceUrl,
} from '@dataops-observability/plugin-dataops-node';
import type { DataOpsSourceConfigContext } from '@dataops-observability/plugin-dataops-node';

/** `sparkHistory` of an environment (a Spark History Server), validated. */
export interface SparkHistoryConfig {
  /** Base URL of the history server; the API is `<url>/api/v1`. */
  url: string;
  /** Base URL of its web UI for links out; the server's URL unless set. */
  uiUrl: string;
  /** Bearer token, for a history server behind an authenticating proxy. */
  token?: string;
  maxConcurrency: number;
}

/** Reads `sparkHistory` of an environment item; `undefined` when the environment has none. */
export function readSparkHistoryConfig({
  config: env,
}: DataOpsSourceConfigContext): SparkHistoryConfig | undefined {
  if (!env.has('sparkHistory')) {
    return undefined;
  }
  const config = env.getConfig('sparkHistory');
  const url = readSourceUrl(config, 'sparkHistory');
  const uiUrl = config.getOptionalString('uiUrl');
  return {
    url,
    uiUrl: uiUrl ? checkSourceUrl(uiUrl, 'sparkHistory.uiUrl') : url,
    token: config.getOptionalString('token'),
    maxConcurrency: readSourceConcurrency(config, 'sparkHistory'),
  };
}
