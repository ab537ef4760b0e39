import type { Readable } from 'node:stream';
import { Client, errors } from '@opensearch-project/opensearch';
import {
  ConcurrencyLimiter,
  DEFAULT_MAX_RESPONSE_BYTES,
  DataOpsSourceError,
  badResponse,
  credentialsOf,
  readBody,
  upstreamStatusError,
  withUpstreamCall,
} from '@dataops-observability/plugin-dataops-node';
import type { OpenSearchConfig } from './readOpenSearchConfig';
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

function headerOf(
  headers: Record<string, unknown> | null | undefined,
  name: string,
): string | undefined {
  const value = headers?.[name];
  return typeof value === 'string' ? value : undefined;
}

/** The reason OpenSearch gives in an error body (`error.root_cause[0].reason`), or the text itself. */
function reasonOf(text: string): string {
  try {
    const error = JSON.parse(text)?.error;
    return String(error?.root_cause?.[0]?.reason ?? error?.reason ?? error);
  } catch {
    return text;
  }
}

/**
 * OpenSearch `_search` for an entity's logs through the official client. The answer is taken as a stream
 * and read here: the 3.x client has no response size limit (a chunked answer is buffered whole), so
 * reading it ourselves applies `maxResponseBytes` and the same status and `Retry-After` handling as the
 * other upstreams. The client does not ask for compression (no `suggestCompression`), so the stream is the
 * JSON text itself.
 */
export class OpenSearchLogsClient {
  private readonly client: Client;
  private readonly limiter: ConcurrencyLimiter;
  /** The Basic credentials the client sends, to keep them out of echoed error bodies. */
  private readonly secrets: string[];

  constructor(
    readonly config: OpenSearchConfig,
    private readonly timeoutMs: number,
    private readonly maxResponseBytes: number = DEFAULT_MAX_RESPONSE_BYTES,
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
    this.secrets =
      config.username && config.password
        ? credentialsOf({
            authorization: `Basic ${Buffer.from(
              `${config.username}:${config.password}`,
            ).toString('base64')}`,
          })
        : [];
  }

  async search(
    request: LogSearchRequest,
    signal?: AbortSignal,
  ): Promise<LogSearchResult> {
    const body = buildLogSearchBody(request, this.config);
    const result = await withUpstreamCall(
      {
        source: 'opensearch',
        timeoutMs: this.timeoutMs,
        limiter: this.limiter,
        signal,
      },
      async callSignal => {
        const pending = this.client.search(
          { index: request.index, body: body as any, ignore_unavailable: true },
          { requestTimeout: this.timeoutMs, maxRetries: 0, asStream: true },
        );
        // A block body: returning the client's thenable from an event listener would make Node rethrow
        // its rejection as an uncaught exception.
        const abort = () => {
          pending.abort();
        };
        callSignal.addEventListener('abort', abort, { once: true });
        try {
          const response = await pending;
          const text = await readBody(response.body as unknown as Readable, {
            source: 'opensearch',
            maxBytes: this.maxResponseBytes,
            contentLength: headerOf(response.headers, 'content-length'),
            contentEncoding: headerOf(response.headers, 'content-encoding'),
            signal: callSignal,
          });
          if (Number(response.statusCode) >= 400) {
            throw upstreamStatusError({
              source: 'opensearch',
              status: Number(response.statusCode),
              reason: reasonOf(text),
              retryAfter: headerOf(response.headers, 'retry-after'),
              secrets: this.secrets,
            });
          }
          try {
            return JSON.parse(text);
          } catch {
            throw badResponse('opensearch', 'answer is not JSON');
          }
        } catch (e) {
          throw this.translate(e);
        } finally {
          callSignal.removeEventListener('abort', abort);
        }
      },
    );
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
    return e as Error;
  }
}
