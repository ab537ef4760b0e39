import {
  readSourceConcurrency,
  readSourceUrl,
} from '@dataops-observability/plugin-dataops-node';
import type { DataOpsSourceConfigContext } from '@dataops-observability/plugin-dataops-node';

/** `opensearch` of an environment, validated. */
export interface OpenSearchConfig {
  url: string;
  username?: string;
  password?: string;
  /** Index patterns entities may read; an entity's `opensearch-index` must lie inside one of them. */
  allowedIndexPatterns: string[];
  sensitiveFields: string[];
  timestampField: string;
  levelField: string;
  messageField: string;
  maxConcurrency: number;
}

/** Index patterns are matched literally except for `*`; anything resembling a path or list is refused. */
const INDEX_PATTERN = /^[a-z0-9*][a-z0-9*._-]*$/;

/** Reads `opensearch` of an environment item; `undefined` when the environment has none. */
export function readOpenSearchConfig({
  config: env,
}: DataOpsSourceConfigContext): OpenSearchConfig | undefined {
  if (!env.has('opensearch')) {
    return undefined;
  }
  const config = env.getConfig('opensearch');
  const allowedIndexPatterns = config.getStringArray('allowedIndexPatterns');
  if (allowedIndexPatterns.length === 0) {
    throw new Error('opensearch.allowedIndexPatterns must not be empty');
  }
  for (const pattern of allowedIndexPatterns) {
    if (!INDEX_PATTERN.test(pattern)) {
      throw new Error(
        `opensearch.allowedIndexPatterns: '${pattern}' is not a lowercase index pattern`,
      );
    }
  }
  const username = config.getOptionalString('username');
  const password = config.getOptionalString('password');
  if (Boolean(username) !== Boolean(password)) {
    throw new Error('opensearch needs both username and password, or neither');
  }
  return {
    url: readSourceUrl(config, 'opensearch'),
    username,
    password,
    allowedIndexPatterns,
    sensitiveFields: config.getOptionalStringArray('sensitiveFields') ?? [],
    timestampField: config.getOptionalString('timestampField') ?? '@timestamp',
    levelField: config.getOptionalString('levelField') ?? 'level',
    messageField: config.getOptionalString('messageField') ?? 'message',
    maxConcurrency: readSourceConcurrency(config, 'opensearch'),
  };
}
