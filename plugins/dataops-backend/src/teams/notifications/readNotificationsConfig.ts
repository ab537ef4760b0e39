import type { Config } from '@backstage/config';
import {
  Priority,
  isPriority,
} from '@dataops-observability/plugin-dataops-common';

/** Settings of the Backstage notifications sent when alerts start firing (`dataops.notifications`). */
export interface NotificationsConfig {
  enabled: boolean;
  /** Priorities whose new episodes notify the owning group. */
  priorities: Priority[];
}

export function readNotificationsConfig(root: Config): NotificationsConfig {
  const config = root.getOptionalConfig('dataops.notifications');
  const priorities = config?.getOptionalStringArray('priorities') ?? [
    'P1',
    'P2',
  ];
  for (const priority of priorities) {
    if (!isPriority(priority)) {
      throw new Error(
        `Invalid dataops.notifications.priorities: '${priority}' is not one of P1 P2 P3 P4`,
      );
    }
  }
  return {
    enabled: config?.getOptionalBoolean('enabled') ?? true,
    priorities: [...new Set(priorities as Priority[])],
  };
}
