import {
  readSourceConcurrency,
  readSourceHeaders,
  readSourceUrl,
} from '@dataops-observability/plugin-dataops-node';
import type { DataOpsSourceConfigContext } from '@dataops-observability/plugin-dataops-node';

/** `alertmanager` of an environment, validated. */
export interface AlertmanagerConfig {
  url: string;
  headers: Record<string, string>;
  maxConcurrency: number;
}

/** Reads `alertmanager` of an environment item; `undefined` when the environment has none. */
export function readAlertmanagerConfig({
  config: env,
}: DataOpsSourceConfigContext): AlertmanagerConfig | undefined {
  if (!env.has('alertmanager')) {
    return undefined;
  }
  const config = env.getConfig('alertmanager');
  return {
    url: readSourceUrl(config, 'alertmanager'),
    headers: readSourceHeaders(config),
    maxConcurrency: readSourceConcurrency(config, 'alertmanager'),
  };
}
