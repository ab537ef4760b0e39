import type { Series } from '@dataops-observability/plugin-dataops-common';
import {
  ConcurrencyLimiter,
  DEFAULT_MAX_RESPONSE_BYTES,
  badResponse,
  fetchJson,
} from '@dataops-observability/plugin-dataops-node';
import { MetricPresence } from './MetricPresence';
import type { ThanosConfig } from './readThanosConfig';

interface ApiEnvelope {
  status: 'success' | 'error';
  data?: any;
  error?: string;
  warnings?: string[];
  infos?: string[];
}

export interface PrometheusResult<T> {
  data: T;
  warnings: string[];
}

function toNumber(value: unknown): number | null {
  const n = Number(value);
  // JSON has no NaN or Inf; null marks "no usable value" for the UI.
  return Number.isFinite(n) ? n : null;
}

/**
 * Prometheus HTTP API client (also what Thanos Querier serves). Queries go as POST form bodies so long
 * templates never hit URL length limits; Thanos' `dedup` / `partial_response` are added when configured.
 */
export class PrometheusClient {
  private readonly limiter: ConcurrencyLimiter;
  private readonly presence = new MetricPresence((selectors, range, signal) =>
    this.series(selectors, range, signal),
  );

  constructor(
    readonly config: ThanosConfig,
    private readonly timeoutMs: number,
    private readonly maxResponseBytes: number = DEFAULT_MAX_RESPONSE_BYTES,
  ) {
    this.limiter = new ConcurrencyLimiter(config.maxConcurrency);
  }

  async queryRange(
    query: string,
    range: { from: number; to: number; step: number },
    signal?: AbortSignal,
  ): Promise<PrometheusResult<Series[]>> {
    const result = await this.call(
      'query_range',
      {
        query,
        start: String(range.from),
        end: String(range.to),
        step: String(range.step),
      },
      signal,
    );
    return { data: this.toSeries(result.data), warnings: result.warnings };
  }

  async query(
    query: string,
    time: number,
    signal?: AbortSignal,
  ): Promise<PrometheusResult<Series[]>> {
    const result = await this.call(
      'query',
      { query, time: String(time) },
      signal,
    );
    return { data: this.toSeries(result.data), warnings: result.warnings };
  }

  /** Label sets of the series matching any of the selectors in the window. */
  async series(
    selectors: string[],
    range: { from: number; to: number },
    signal?: AbortSignal,
  ): Promise<PrometheusResult<Array<Record<string, string>>>> {
    const params = new URLSearchParams();
    for (const s of selectors) {
      params.append('match[]', s);
    }
    params.set('start', String(range.from));
    params.set('end', String(range.to));
    const result = await this.post('series', params, signal);
    if (!Array.isArray(result.data)) {
      throw badResponse('thanos', 'series answer has no list of label sets');
    }
    return { data: result.data, warnings: result.warnings };
  }

  /**
   * Metric names of `selectors` without any series in the window ("not collected" rather than "no samples").
   * Lookups made in the same turn of the event loop for one window and signal share one `series` call.
   */
  missingMetrics(
    selectors: string[],
    range: { from: number; to: number },
    signal?: AbortSignal,
  ): Promise<PrometheusResult<string[]>> {
    return this.presence.missing(selectors, range, signal);
  }

  private call(
    endpoint: string,
    values: Record<string, string>,
    signal?: AbortSignal,
  ) {
    return this.post(endpoint, new URLSearchParams(values), signal);
  }

  private async post(
    endpoint: string,
    params: URLSearchParams,
    signal?: AbortSignal,
  ): Promise<{ data: any; warnings: string[] }> {
    if (this.config.dedup !== undefined) {
      params.set('dedup', String(this.config.dedup));
    }
    if (this.config.partialResponse !== undefined) {
      params.set('partial_response', String(this.config.partialResponse));
    }
    const body = await fetchJson<ApiEnvelope>(
      `${this.config.url}/api/v1/${endpoint}`,
      {
        method: 'POST',
        headers: {
          ...this.config.headers,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: params.toString(),
      },
      {
        source: 'thanos',
        timeoutMs: this.timeoutMs,
        maxResponseBytes: this.maxResponseBytes,
        limiter: this.limiter,
        signal,
      },
    );
    if (!body || body.status !== 'success') {
      throw badResponse(
        'thanos',
        `query failed: ${body?.error ?? 'answer has no success status'}`,
      );
    }
    return {
      data: body.data,
      warnings: [...(body.warnings ?? []), ...(body.data?.warnings ?? [])],
    };
  }

  private toSeries(data: any): Series[] {
    switch (data?.resultType) {
      case 'matrix':
        return (data.result as any[]).map(s => ({
          labels: s.metric ?? {},
          points: (s.values ?? []).map(
            ([t, v]: [number, string]) =>
              [Number(t), toNumber(v)] as [number, number | null],
          ),
        }));
      case 'vector':
        return (data.result as any[]).map(s => ({
          labels: s.metric ?? {},
          points: [[Number(s.value[0]), toNumber(s.value[1])]],
        }));
      case 'scalar':
        return [
          {
            labels: {},
            points: [[Number(data.result[0]), toNumber(data.result[1])]],
          },
        ];
      default:
        throw badResponse(
          'thanos',
          `unexpected resultType '${data?.resultType}'`,
        );
    }
  }
}
