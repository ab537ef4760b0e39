import type { RootConfigService } from '@backstage/backend-plugin-api';
import {
  STORAGE_ALERT_CHECK_IDS,
  StorageCheckSettings,
} from '../bundle/storageAlerts';

/**
 * Reads the `dataops.storage.checks` overrides that shape the generated storage alerts: thresholds, query
 * and `enabled`, by check id, so the alerts fire where the Storage tab turns warning or critical. Checks
 * that raise no alert (the Iceberg ones, which the table's layer alerts cover) are left to the backend,
 * which checks the whole section at start-up.
 * @public
 */
export function readStorageCheckSettings(
  config: RootConfigService,
): Map<string, StorageCheckSettings> {
  const checks = config.getOptionalConfig('dataops.storage.checks');
  const settings = new Map<string, StorageCheckSettings>();
  for (const id of STORAGE_ALERT_CHECK_IDS) {
    const check = checks?.getOptionalConfig(id);
    if (!check) {
      continue;
    }
    const thresholds = check.getOptionalConfig('thresholds');
    const direction = thresholds?.getString('direction');
    if (
      direction !== undefined &&
      direction !== 'above' &&
      direction !== 'below'
    ) {
      throw new Error(
        `Invalid dataops.storage.checks.${id}.thresholds.direction: '${direction}' is not above or below`,
      );
    }
    settings.set(id, {
      query: check.getOptionalString('query'),
      enabled: check.getOptionalBoolean('enabled'),
      thresholds: thresholds && {
        direction: direction as 'above' | 'below',
        warning: thresholds.getOptionalNumber('warning'),
        critical: thresholds.getOptionalNumber('critical'),
      },
    });
  }
  return settings;
}
