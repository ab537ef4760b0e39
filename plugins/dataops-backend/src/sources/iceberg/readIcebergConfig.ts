import {
  readSourceConcurrency,
  readSourceUrl,
} from '@dataops-observability/plugin-dataops-node';
import type { DataOpsSourceConfigContext } from '@dataops-observability/plugin-dataops-node';

/** `iceberg` of an environment (an Apache Iceberg REST catalog), validated. */
export interface IcebergCatalogConfig {
  url: string;
  token?: string;
  warehouse?: string;
  prefix?: string;
  maxConcurrency: number;
}

/** Goes into a URL path segment, so only characters that need no encoding are accepted. */
const ICEBERG_PREFIX = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

/** Reads `iceberg` of an environment item; `undefined` when the environment has none. */
export function readIcebergConfig({
  config: env,
}: DataOpsSourceConfigContext): IcebergCatalogConfig | undefined {
  if (!env.has('iceberg')) {
    return undefined;
  }
  const config = env.getConfig('iceberg');
  const prefix = config.getOptionalString('prefix');
  if (prefix !== undefined && !ICEBERG_PREFIX.test(prefix)) {
    throw new Error(
      `iceberg.prefix '${prefix}' may only contain letters, digits, _ . -`,
    );
  }
  return {
    url: readSourceUrl(config, 'iceberg'),
    token: config.getOptionalString('token'),
    warehouse: config.getOptionalString('warehouse'),
    prefix,
    maxConcurrency: readSourceConcurrency(config, 'iceberg'),
  };
}
