import type { DataOpsConfig } from '../../config';
import type { AlertmanagerClient } from '../../sources';
import { AttributedAlerts, readAttributedAlerts } from './readAttributedAlerts';

/**
 * One {@link readAttributedAlerts} shared by every caller that asks while it is under way. The entity alerts
 * view runs once per environment of a page, concurrently; sharing the read in flight makes a page read
 * every Alertmanager once, not once per environment. Nothing is kept after the read settles: how long an
 * answer is reused is the view cache's decision (`cacheTtlSeconds.alerts`), not this one's.
 */
export function createSharedAlertReads(options: {
  config: DataOpsConfig;
  alertmanager(env: string): AlertmanagerClient | undefined;
}): () => Promise<AttributedAlerts> {
  let inFlight: Promise<AttributedAlerts> | undefined;
  return () => {
    if (!inFlight) {
      const read = readAttributedAlerts(options);
      inFlight = read;
      const clear = () => {
        if (inFlight === read) {
          inFlight = undefined;
        }
      };
      read.then(clear, clear);
    }
    return inFlight;
  };
}
