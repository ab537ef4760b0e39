import {
  createServer,
  request as httpRequest,
  IncomingMessage,
  Server,
} from 'node:http';
import { AddressInfo } from 'node:net';

export interface DelayedCountingProxyOptions {
  /** Where requests go, e.g. the demo sandbox `http://127.0.0.1:7100`. */
  target: string;
  /** Added before each request is forwarded: the stand-in upstream is this far away. */
  latencyMs: number;
  /**
   * Maps an incoming path to the target's path, e.g. `/env07/prometheus/api/v1/query` to
   * `/dev/prometheus/api/v1/query`, so many configured environments can share a few real fakes.
   */
  rewritePath?: (path: string) => string;
  /** Answer 503 instead of forwarding for the requests this returns true for (an upstream that is down). */
  isDown?: (req: IncomingMessage) => boolean;
  /**
   * Answer a request identical to an earlier one (method, target path with query, body) with the recorded
   * answer instead of asking the target again, so the stand-in's latency stays `latencyMs` when many
   * environments share one target whose own compute time would otherwise add up.
   */
  replay?: boolean;
}

interface RecordedAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Sends the request on to the target and buffers the whole answer. */
function forward(
  target: URL,
  req: IncomingMessage,
  path: string,
  body: Buffer,
): Promise<RecordedAnswer> {
  return new Promise((resolve, reject) => {
    const {
      connection: _connection,
      'transfer-encoding': _encoding,
      ...headers
    } = req.headers;
    const outgoing = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path,
        method: req.method,
        headers: {
          ...headers,
          host: target.host,
          'content-length': String(body.length),
        },
      },
      answer => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const {
            connection: _c,
            'keep-alive': _k,
            'transfer-encoding': _t,
            ...answerHeaders
          } = answer.headers;
          resolve({
            status: answer.statusCode ?? 502,
            headers: answerHeaders,
            body: Buffer.concat(chunks),
          });
        });
        answer.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** One request the stand-in received. */
export interface ProxyCall {
  /** `performance.now()` when it arrived. */
  at: number;
  /** The incoming path without the query, e.g. `/env07/prometheus/api/v1/series`. */
  path: string;
  /** The PromQL `query` of a Prometheus form body, once the body has arrived. */
  query?: string;
  /** True when the stand-in had to ask the target (no recorded answer to replay), once it has answered. */
  forwarded?: boolean;
}

/** The `query` form field of a Prometheus POST body, if any. */
function promQlOf(body: Buffer): string | undefined {
  try {
    return new URLSearchParams(body.toString('utf8')).get('query') ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * A loopback stand-in upstream: waits `latencyMs`, forwards to the target, and counts every request it
 * received, by the first two path segments (`/<env>/<service>`), so a benchmark can assert on upstream cost.
 */
export class DelayedCountingProxy {
  private readonly counts = new Map<string, number>();
  private log: ProxyCall[] = [];
  private readonly recorded = new Map<string, RecordedAnswer>();
  private server?: Server;
  url = '';

  private latencyMs: number;

  constructor(private readonly options: DelayedCountingProxyOptions) {
    this.latencyMs = options.latencyMs;
  }

  /** Changes the added latency for requests that arrive from now on. */
  setLatency(ms: number): void {
    this.latencyMs = ms;
  }

  async start(): Promise<this> {
    const upstream = new URL(this.options.target);
    this.server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      const call: ProxyCall = { at: performance.now(), path };
      this.log.push(call);
      const key = path.split('/').slice(0, 3).join('/');
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
      const body = readBody(req);
      if (path.includes('/prometheus/')) {
        body.then(
          b => (call.query = promQlOf(b)),
          () => undefined,
        );
      }
      setTimeout(async () => {
        if (this.options.isDown?.(req)) {
          res.writeHead(503, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: 'stand-in upstream is down' }));
          return;
        }
        const targetPath = this.options.rewritePath
          ? this.options.rewritePath(req.url ?? '/')
          : req.url ?? '/';
        const sent = await body;
        const replayKey = `${req.method} ${targetPath} ${sent.toString(
          'base64',
        )}`;
        const recorded = this.options.replay
          ? this.recorded.get(replayKey)
          : undefined;
        const answer =
          recorded ??
          (await forward(upstream, req, targetPath, sent).catch(() => ({
            status: 502,
            headers: {},
            body: Buffer.alloc(0),
          })));
        call.forwarded = !recorded;
        if (this.options.replay && !recorded && answer.status < 500) {
          this.recorded.set(replayKey, answer);
        }
        res.writeHead(answer.status, {
          ...answer.headers,
          'content-length': String(answer.body.length),
        });
        res.end(answer.body);
      }, this.latencyMs);
    });
    // Clients keep connections alive; the stand-in must not close them first.
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>(resolve =>
      this.server!.listen(0, '127.0.0.1', () => resolve()),
    );
    this.url = `http://127.0.0.1:${
      (this.server.address() as AddressInfo).port
    }`;
    return this;
  }

  /** Requests received, in total or for paths starting with `prefix` (e.g. `/dev/argocd`). */
  calls(prefix = ''): number {
    let total = 0;
    for (const [key, n] of this.counts) {
      if (key.startsWith(prefix)) total += n;
    }
    return total;
  }

  /** Every request since the last reset, in arrival order. */
  callLog(): readonly ProxyCall[] {
    return this.log;
  }

  resetCounts(): void {
    this.counts.clear();
    this.log = [];
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise(
      resolve => this.server?.close(resolve) ?? resolve(undefined),
    );
  }
}
