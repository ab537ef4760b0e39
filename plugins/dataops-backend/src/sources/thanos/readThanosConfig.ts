import {
  LabelMatcher,
  parseSelector,
} from '@dataops-observability/plugin-dataops-common';
import {
  readSourceConcurrency,
  readSourceHeaders,
  readSourceUrl,
} from '@dataops-observability/plugin-dataops-node';
import type { DataOpsSourceConfigContext } from '@dataops-observability/plugin-dataops-node';
import { MetricsLinkConfig, readMetricsLinkConfig } from '../../links';

/** `thanos` of an environment, validated. */
export interface ThanosConfig {
  url: string;
  headers: Record<string, string>;
  dedup?: boolean;
  partialResponse?: boolean;
  /** Matchers added to every query of the environment (`extraSelector`), e.g. for a central Thanos. */
  extraMatchers: LabelMatcher[];
  maxConcurrency: number;
  /** `uiUrl`: where "Open in ..." of a panel goes; no link when absent. */
  link?: MetricsLinkConfig;
}

/** Reads `thanos` of an environment item; `undefined` when the environment has none. */
export function readThanosConfig({
  config: env,
}: DataOpsSourceConfigContext): ThanosConfig | undefined {
  if (!env.has('thanos')) {
    return undefined;
  }
  const config = env.getConfig('thanos');
  const extra = config.getOptionalString('extraSelector');
  let extraMatchers: LabelMatcher[] = [];
  if (extra) {
    try {
      extraMatchers = parseSelector(extra);
    } catch (e) {
      throw new Error(`thanos.extraSelector: ${(e as Error).message}`);
    }
  }
  return {
    url: readSourceUrl(config, 'thanos'),
    headers: readSourceHeaders(config),
    dedup: config.getOptionalBoolean('dedup'),
    partialResponse: config.getOptionalBoolean('partialResponse'),
    extraMatchers,
    maxConcurrency: readSourceConcurrency(config, 'thanos'),
    link: readMetricsLinkConfig(config),
  };
}
