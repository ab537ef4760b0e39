import { Client, errors } from '@opensearch-project/opensearch';
import { DataOpsSourceError } from '@internal/plugin-dataops-node';
import type { OpenSearchConfig } from '../../config';
import { ConcurrencyLimiter, badResponse, withUpstreamCall } from '../http';
import { buildLogSearchBody } from './buildLogSearchBody';
import type { LogSearchRequest } from './buildLogSearchBody';

export interface LogSearchHit {
  index: string;
  id: string;
  source: Record<string, unknown>;
  sort?: Array<string | number>;
}

export interface LogSearchResult {
  hits: LogSearchHit[];
  total: number;
  histogram?: Array<{
    key: number;
    levels: Array<{ key: string; count: number }>;
  }>;
}

/** OpenSearch `_search` for an entity's logs through the official client. */
export class OpenSearchLogsClient {
  private readonly client: Client;
  private readonly limiter: ConcurrencyLimiter;

  constructor(
    readonly config: OpenSearchConfig,
    private readonly timeoutMs: number,
  ) {
    this.client = new Client({
      node: config.url,
      auth:
        config.username && config.password
          ? { username: config.username, password: config.password }
          : undefined,
      maxRetries: 0,
      requestTimeout: timeoutMs,
    });
    this.limiter = new ConcurrencyLimiter(config.maxConcurrency);
  }

  async search(
    request: LogSearchRequest,
    signal?: AbortSignal,
  ): Promise<LogSearchResult> {
    const body = buildLogSearchBody(request, this.config);
    const response = await withUpstreamCall(
      {
        source: 'opensearch',
        timeoutMs: this.timeoutMs,
        limiter: this.limiter,
        signal,
      },
      async callSignal => {
        const pending = this.client.search(
          { index: request.index, body: body as any, ignore_unavailable: true },
          { requestTimeout: this.timeoutMs, maxRetries: 0 },
        );
        const abort = () => pending.abort();
        callSignal.addEventListener('abort', abort, { once: true });
        try {
          return await pending;
        } catch (e) {
          throw this.translate(e);
        } finally {
          callSignal.removeEventListener('abort', abort);
        }
      },
    );
    const result: any = response.body;
    if (!result?.hits || !Array.isArray(result.hits.hits)) {
      throw badResponse('opensearch', 'search answer has no hits');
    }
    const total =
      typeof result.hits.total === 'number'
        ? result.hits.total
        : Number(result.hits.total?.value ?? result.hits.hits.length);
    return {
      total,
      hits: result.hits.hits.map((h: any) => ({
        index: String(h._index),
        id: String(h._id),
        source: h._source ?? {},
        sort: h.sort,
      })),
      histogram: result.aggregations?.histogram?.buckets?.map((b: any) => ({
        key: Number(b.key),
        levels: (b.levels?.buckets ?? []).map((l: any) => ({
          key: String(l.key),
          count: Number(l.doc_count),
        })),
      })),
    };
  }

  private translate(e: unknown): Error {
    if (e instanceof errors.ResponseError) {
      const reason =
        (e.meta.body as any)?.error?.root_cause?.[0]?.reason ??
        (e.meta.body as any)?.error?.reason ??
        e.message;
      return new DataOpsSourceError({
        type: 'UPSTREAM_ERROR',
        source: 'opensearch',
        statusCode: e.meta.statusCode ?? undefined,
        message: `opensearch answered ${e.meta.statusCode}: ${String(
          reason,
        ).slice(0, 300)}`,
      });
    }
    if (
      e instanceof errors.TimeoutError ||
      e instanceof errors.RequestAbortedError
    ) {
      return new DataOpsSourceError({
        type: 'UPSTREAM_TIMEOUT',
        source: 'opensearch',
        message: `opensearch did not answer within ${this.timeoutMs} ms`,
      });
    }
    if (e instanceof errors.DeserializationError) {
      return badResponse('opensearch', 'answer is not JSON');
    }
    return e as Error;
  }
}
