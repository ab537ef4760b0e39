import type { Config } from '@backstage/config';
import type { PipelineSettings } from './PipelineService';

/** Pipeline latency P95 < 1 h (docs/platform-rules.md, layer 6): the final table should be no older. */
const DEFAULT_FRESHNESS_MINUTES = 60;
const DEFAULT_MAX_STEPS = 50;

/** `dataops.pipeline.*`, with the defaults of docs/configuration.md. */
export function readPipelineSettings(rootConfig: Config): PipelineSettings {
  const pipeline = rootConfig.getOptionalConfig('dataops.pipeline');
  const positive = (key: string, fallback: number) => {
    const value = pipeline?.getOptionalNumber(key) ?? fallback;
    if (!(value > 0)) {
      throw new Error(`dataops.pipeline.${key} must be a positive number`);
    }
    return value;
  };
  return {
    freshnessTargetSeconds: Math.round(
      positive('freshnessTargetMinutes', DEFAULT_FRESHNESS_MINUTES) * 60,
    ),
    maxSteps: Math.floor(positive('maxSteps', DEFAULT_MAX_STEPS)),
  };
}
