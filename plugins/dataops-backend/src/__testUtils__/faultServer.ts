import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * Ways an upstream can misbehave that a stand-in server can play. An unknown host is not among them:
 * it is a property of the URL the backend is given, not of a server.
 */
export const SERVER_FAULTS = [
  'timeout',
  'slow-drip',
  'refused',
  'http-500',
  'http-503',
  'http-429',
  'malformed-json',
  'truncated',
  'oversized',
  'wrong-shape',
] as const;

export type ServerFault = (typeof SERVER_FAULTS)[number];

/** What the stand-in received, handed to the healthy answer. */
export interface FaultServerRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  body: string;
}

export interface FaultServerOptions {
  /** The healthy answer to a request; `status` defaults to 200. */
  answer(request: FaultServerRequest): { status?: number; body: unknown };
  /** Gap between the bytes of a slow drip. Default 100 ms. */
  dripIntervalMs?: number;
  /** Size the `oversized` answer is padded to. Default 1 MiB. */
  oversizedBytes?: number;
  /** Seconds sent in `Retry-After` with 429 and 503. Default 7. */
  retryAfterSeconds?: number;
  /** Body of `wrong-shape`: valid JSON that is not what the API returns. */
  wrongShape?: unknown;
}

export interface FaultServer {
  /** `http://127.0.0.1:<port>`; stays the same across `refused` and back. */
  readonly url: string;
  readonly port: number;
  /** Requests received since start (a refused connection never becomes one). */
  readonly requests: number;
  /** The current fault, `undefined` when healthy. */
  readonly fault: ServerFault | undefined;
  /** Switches behaviour for the next requests; `undefined` is healthy. */
  setFault(fault: ServerFault | undefined): Promise<void>;
  stop(): Promise<void>;
}

const JSON_TYPE = { 'content-type': 'application/json' };

/**
 * A loopback HTTP server that answers like a healthy upstream or plays one {@link ServerFault}, switchable
 * at run time so a test can prove the next request after recovery is served fresh. Held and dripping
 * connections are destroyed on `stop`, so no test leaves sockets behind.
 */
export async function startFaultServer(
  options: FaultServerOptions,
): Promise<FaultServer> {
  const dripIntervalMs = options.dripIntervalMs ?? 100;
  const oversizedBytes = options.oversizedBytes ?? 1024 * 1024;
  const retryAfter = String(options.retryAfterSeconds ?? 7);
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let fault: ServerFault | undefined;
  let requests = 0;

  const healthyText = (request: FaultServerRequest) => {
    const { status, body } = options.answer(request);
    return { status: status ?? 200, text: JSON.stringify(body) };
  };

  const play = (
    request: FaultServerRequest,
    res: http.ServerResponse,
  ): void => {
    switch (fault) {
      case undefined: {
        const { status, text } = healthyText(request);
        res.writeHead(status, JSON_TYPE).end(text);
        return;
      }
      case 'timeout':
        // Hold the connection open and never answer.
        return;
      case 'slow-drip': {
        // Valid JSON start, then whitespace (still valid JSON) one byte at a time, forever.
        res.writeHead(200, JSON_TYPE);
        res.write('{');
        const timer = setInterval(() => res.write(' '), dripIntervalMs);
        timers.add(timer);
        res.on('close', () => {
          clearInterval(timer);
          timers.delete(timer);
        });
        return;
      }
      case 'http-500':
        res
          .writeHead(500, JSON_TYPE)
          .end(JSON.stringify({ error: 'internal failure in the stand-in' }));
        return;
      case 'http-503':
      case 'http-429':
        res
          .writeHead(fault === 'http-503' ? 503 : 429, {
            ...JSON_TYPE,
            'retry-after': retryAfter,
          })
          .end(JSON.stringify({ error: 'busy, come back later' }));
        return;
      case 'malformed-json':
        res
          .writeHead(200, JSON_TYPE)
          .end('{"status": "success", "data": [1, 2');
        return;
      case 'truncated': {
        const { text } = healthyText(request);
        // Promise the whole answer and more, send part of it, then hang up.
        res.writeHead(200, {
          ...JSON_TYPE,
          'content-length': String(Buffer.byteLength(text) + 1000),
        });
        res.write(text.slice(0, Math.ceil(text.length / 2)), () =>
          res.socket?.destroy(),
        );
        return;
      }
      case 'oversized': {
        // A healthy answer padded with whitespace: valid JSON of the right shape, only too big. Sent
        // chunked, so a reader cannot rely on Content-Length to refuse it.
        const { text } = healthyText(request);
        res.writeHead(200, JSON_TYPE);
        const chunk = ' '.repeat(64 * 1024);
        let sent = Buffer.byteLength(text);
        res.write(text);
        const pump = () => {
          while (sent < oversizedBytes) {
            sent += chunk.length;
            if (!res.write(chunk)) {
              res.once('drain', pump);
              return;
            }
          }
          res.end();
        };
        res.on('error', () => undefined);
        pump();
        return;
      }
      case 'wrong-shape':
        res
          .writeHead(200, JSON_TYPE)
          .end(JSON.stringify(options.wrongShape ?? { unexpected: 'shape' }));
        return;
      case 'refused':
        // Not reachable: the listener is closed while refusing.
        res.socket?.destroy();
        return;
      default:
        throw new Error(`unknown fault ${String(fault)}`);
    }
  };

  const server = http.createServer((req, res) => {
    requests++;
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      play(
        {
          method: req.method ?? 'GET',
          path: url.pathname,
          query: url.searchParams,
          body: Buffer.concat(chunks).toString('utf8'),
        },
        res,
      );
    });
  });
  server.on('connection', socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  const close = () =>
    new Promise<void>(resolve => {
      for (const timer of timers) {
        clearInterval(timer);
      }
      timers.clear();
      for (const socket of sockets) {
        socket.destroy();
      }
      server.close(() => resolve());
    });

  await listen(0);
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get requests() {
      return requests;
    },
    get fault() {
      return fault;
    },
    async setFault(next) {
      if (next === fault) {
        return;
      }
      if (next === 'refused') {
        await close();
      } else if (fault === 'refused') {
        await listen(port);
      }
      fault = next;
    },
    async stop() {
      if (server.listening) {
        await close();
      }
    },
  };
}
