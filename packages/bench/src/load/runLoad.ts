import autocannon from 'autocannon';
import { percentile } from '../report/percentile';

export interface LoadOptions {
  /** Base URL, e.g. the backend's. */
  url: string;
  /** A fixed path, or a function giving the path of the n-th request (0-based) for distinct requests. */
  path: string | ((n: number) => string);
  headers?: Record<string, string>;
  connections: number;
  /** Stop after this many requests... */
  amount?: number;
  /** ...or after this many seconds. */
  durationSeconds?: number;
}

export interface LoadResult {
  /** Latency of every answered request in ms, as autocannon measured it (sent to last byte). */
  latenciesMs: number[];
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Requests answered with something else than 2xx, plus connection errors and timeouts. */
  failures: number;
  seconds: number;
}

/**
 * Runs autocannon and keeps each request's latency with full precision (autocannon's own histogram has
 * 1 ms resolution, too coarse for a 5 ms goal).
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  let sent = 0;
  let instance!: autocannon.Instance;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        ...(options.amount ? { amount: options.amount } : {}),
        ...(options.durationSeconds
          ? { duration: options.durationSeconds }
          : {}),
        headers: options.headers,
        timeout: 60,
        requests: [
          typeof options.path === 'string'
            ? { method: 'GET', path: options.path }
            : {
                method: 'GET',
                setupRequest: request => ({
                  ...request,
                  path: (options.path as (n: number) => string)(sent++),
                }),
              },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) {
      latenciesMs.push(responseTime);
    }
  });
  const result = await done;
  const seconds =
    (result.finish.getTime() - result.start.getTime()) / 1000 ||
    result.duration;
  return {
    latenciesMs,
    requestsPerSecond: latenciesMs.length / seconds,
    p50: percentile(latenciesMs, 0.5),
    p99: percentile(latenciesMs, 0.99),
    failures: result.non2xx + result.errors,
    seconds,
  };
}
