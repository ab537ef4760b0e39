import type { Config } from '@backstage/config';

/** Settings of the scheduled alert poller (`dataops.alertPoller`). */
export interface PollerConfig {
  enabled: boolean;
  frequencySeconds: number;
  /** Resolved episodes older than this many days are deleted. */
  retentionDays: number;
}

export function readPollerConfig(root: Config): PollerConfig {
  const config = root.getOptionalConfig('dataops.alertPoller');
  const frequencySeconds = config?.getOptionalNumber('frequencySeconds') ?? 30;
  if (
    !Number.isInteger(frequencySeconds) ||
    frequencySeconds < 5 ||
    frequencySeconds > 3600
  ) {
    throw new Error(
      `Invalid dataops.alertPoller.frequencySeconds: '${frequencySeconds}' must be a whole number from 5 to 3600`,
    );
  }
  const retentionDays = config?.getOptionalNumber('retentionDays') ?? 400;
  if (
    !Number.isInteger(retentionDays) ||
    retentionDays < 1 ||
    retentionDays > 36500
  ) {
    throw new Error(
      `Invalid dataops.alertPoller.retentionDays: '${retentionDays}' must be a whole number from 1 to 36500`,
    );
  }
  return {
    retentionDays,
    enabled: config?.getOptionalBoolean('enabled') ?? true,
    frequencySeconds,
  };
}
