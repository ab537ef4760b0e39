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
import type { AlertmanagerConfig } from './readAlertmanagerConfig';

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
    const body = await fetchJson(
      `${this.config.url}/api/v2/alerts?${params}`,
      { headers: { ...this.config.headers, accept: 'application/json' } },
      {
        source: 'alertmanager',
        timeoutMs: this.timeoutMs,
        maxResponseBytes: this.maxResponseBytes,
        limiter: this.limiter,
        signal,
      },
    );
    if (!Array.isArray(body)) {
      throw badResponse('alertmanager', 'alerts answer is not a list');
    }
    return body;
  }
}
