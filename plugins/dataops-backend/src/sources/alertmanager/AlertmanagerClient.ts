import {
  formatMatchers,
  LabelMatcher,
} from '@dataops-observability/plugin-dataops-common';
import {
  ConcurrencyLimiter,
  DEFAULT_MAX_RESPONSE_BYTES,
  badResponse,
  fetchJson,
} from '@dataops-observability/plugin-dataops-node';
import { alertmanagerUpstreamKey } from './AlertmanagerTopology';
import type { AlertmanagerConfig } from './readAlertmanagerConfig';

/**
 * Requests in flight by upstream and query, shared by the clients of every environment. Several
 * environments often point at one Alertmanager (dev, stage and prod behind a central Thanos); their
 * parallel reads then cost one request instead of one per environment. Entries live only while the request
 * runs, so nothing stale is ever served.
 */
const inFlight = new Map<string, Promise<any[]>>();

/** Resolves with `work` unless `signal` aborts first; the shared work itself goes on for the others. */
function untilAborted<T>(work: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) {
    return work;
  }
  if (signal.aborted) {
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      value => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      error => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Alertmanager API v2 client (active, silenced and inhibited alerts). */
export class AlertmanagerClient {
  private readonly limiter: ConcurrencyLimiter;

  constructor(
    private readonly config: AlertmanagerConfig,
    private readonly timeoutMs: number,
    private readonly maxResponseBytes: number = DEFAULT_MAX_RESPONSE_BYTES,
  ) {
    this.limiter = new ConcurrencyLimiter(config.maxConcurrency);
  }

  /** Identifies the Alertmanager behind this client (see {@link alertmanagerUpstreamKey}). */
  get upstreamKey(): string {
    return alertmanagerUpstreamKey(this.config);
  }

  /**
   * Alerts matching all `matchers`. Alertmanager's `filter` takes the same four matcher operators as
   * PromQL, so validated selector matchers are passed on as they are.
   */
  async getAlerts(
    matchers: LabelMatcher[],
    signal?: AbortSignal,
  ): Promise<any[]> {
    const params = new URLSearchParams({
      active: 'true',
      silenced: 'true',
      inhibited: 'true',
      unprocessed: 'true',
    });
    for (const m of matchers) {
      params.append('filter', formatMatchers([m]));
    }
    const key = `${this.upstreamKey}?${params}`;
    let request = inFlight.get(key);
    if (!request) {
      // Not tied to one caller's signal: another environment's view may be waiting on the same answer.
      request = this.fetchAlerts(params).finally(() => inFlight.delete(key));
      inFlight.set(key, request);
    }
    return untilAborted(request, signal);
  }

  private async fetchAlerts(params: URLSearchParams): Promise<any[]> {
    const body = await fetchJson(
      `${this.config.url}/api/v2/alerts?${params}`,
      { headers: { ...this.config.headers, accept: 'application/json' } },
      {
        source: 'alertmanager',
        timeoutMs: this.timeoutMs,
        maxResponseBytes: this.maxResponseBytes,
        limiter: this.limiter,
      },
    );
    if (!Array.isArray(body)) {
      throw badResponse('alertmanager', 'alerts answer is not a list');
    }
    return body;
  }
}
