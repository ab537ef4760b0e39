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
}

/**
 * A loopback stand-in upstream: waits `latencyMs`, forwards to the target, and counts every request it
 * received, by the first two path segments (`/<env>/<service>`), so a benchmark can assert on upstream cost.
 */
export class DelayedCountingProxy {
  private readonly counts = new Map<string, number>();
  private server?: Server;
  url = '';

  constructor(private readonly options: DelayedCountingProxyOptions) {}

  async start(): Promise<this> {
    const upstream = new URL(this.options.target);
    this.server = createServer((req, res) => {
      const key = (req.url ?? '/').split('?')[0].split('/').slice(0, 3).join('/');
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
      setTimeout(() => {
        if (this.options.isDown?.(req)) {
          res.writeHead(503, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: 'stand-in upstream is down' }));
          return;
        }
        const forward = httpRequest(
          {
            host: upstream.hostname,
            port: upstream.port,
            path: this.options.rewritePath
              ? this.options.rewritePath(req.url ?? '/')
              : req.url,
            method: req.method,
            headers: { ...req.headers, host: upstream.host },
          },
          answer => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        forward.on('error', () => {
          res.writeHead(502);
          res.end();
        });
        req.pipe(forward);
      }, this.options.latencyMs);
    });
    // Clients keep connections alive; the stand-in must not close them first.
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>(resolve =>
      this.server!.listen(0, '127.0.0.1', () => resolve()),
    );
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
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

  resetCounts(): void {
    this.counts.clear();
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise(resolve => this.server?.close(resolve) ?? resolve(undefined));
  }
}
