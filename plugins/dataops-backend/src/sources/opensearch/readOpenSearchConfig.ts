import {
  readSourceConcurrency,
  readSourceUrl,
} from '@dataops-observability/plugin-dataops-node';
import type { DataOpsSourceConfigContext } from '@dataops-observability/plugin-dataops-node';
import {
  checkScopeTemplate,
  EntityScopeRules,
} from '@dataops-observability/plugin-dataops-common';
import { readEntityScope } from '../readEntityScope';
import { DashboardsLinkConfig, readDashboardsLinkConfig } from '../../links';

/** `opensearch` of an environment, validated. */
export interface OpenSearchConfig {
  url: string;
  username?: string;
  password?: string;
  /**
   * Index patterns entities may read, possibly with scope variables (`logs-{namespace}-*`); an entity's
   * `opensearch-index` must lie inside one of them once filled with the entity's reference.
   */
  allowedIndexPatterns: string[];
  /** `entityScope` of the environment; its `logFilter` binds every entity's log filter to the entity. */
  entityScope?: EntityScopeRules;
  sensitiveFields: string[];
  timestampField: string;
  levelField: string;
  messageField: string;
  maxConcurrency: number;
  /** `dashboardsUrl`: where "Open in OpenSearch Dashboards" goes; no link when absent. */
  dashboards?: DashboardsLinkConfig;
}

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
  // The rulebook's grammar, so the catalog and the backend agree on what a pattern is.
  for (const pattern of allowedIndexPatterns) {
    const problem = checkScopeTemplate(pattern, 'indexPattern');
    if (problem) {
      throw new Error(`opensearch.allowedIndexPatterns: ${problem}`);
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
    entityScope: readEntityScope(env),
    sensitiveFields: config.getOptionalStringArray('sensitiveFields') ?? [],
    timestampField: config.getOptionalString('timestampField') ?? '@timestamp',
    levelField: config.getOptionalString('levelField') ?? 'level',
    messageField: config.getOptionalString('messageField') ?? 'message',
    maxConcurrency: readSourceConcurrency(config, 'opensearch'),
    dashboards: readDashboardsLinkConfig(config),
  };
}
