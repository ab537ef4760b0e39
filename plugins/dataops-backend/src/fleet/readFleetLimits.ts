import type { Config } from '@backstage/config';
import type { FleetLimits } from './FleetService';

/** `dataops.fleet.*`, with the defaults of docs/configuration.md. */
export function readFleetLimits(rootConfig: Config): FleetLimits {
  const fleet = rootConfig.getOptionalConfig('dataops.fleet');
  const positive = (key: string, fallback: number) => {
    const value = fleet?.getOptionalNumber(key) ?? fallback;
    if (!(value > 0)) {
      throw new Error(`dataops.fleet.${key} must be a positive number`);
    }
    return value;
  };
  return {
    maxConcurrentEntities: Math.floor(positive('maxConcurrentEntities', 4)),
    maxEntities: Math.floor(positive('maxEntities', 1000)),
    deadlineMs: positive('deadlineSeconds', 5) * 1000,
    cellFreshMs: positive('cellFreshSeconds', 60) * 1000,
    cellMaxAgeMs: positive('cellMaxAgeSeconds', 900) * 1000,
    cellRetryPauseMs: positive('cellRetryPauseSeconds', 1) * 1000,
  };
}
