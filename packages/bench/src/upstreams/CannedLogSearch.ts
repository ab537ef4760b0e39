import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Log lines in every canned answer; with their fields, an answer is about 20 KB. */
const HITS = 50;

/** An OpenSearch `_search` answer with {@link HITS} log lines and the per-level histogram the logs view asks for. */
function searchAnswer(): Buffer {
  const now = Date.now();
  const hits = Array.from({ length: HITS }, (_, i) => ({
    _index: 'logs-spark-bench',
    _id: `doc-${i}`,
    _score: null,
    _source: {
      '@timestamp': new Date(now - i * 1000).toISOString(),
      level: i % 10 === 0 ? 'ERROR' : 'INFO',
      message: `stage ${i} of the nightly job finished writing partition ${i} of the sales table after a while`,
      kubernetes: {
        namespace: 'spark',
        labels: { app: 'daily-sales-etl' },
        pod: { name: `daily-sales-etl-driver-${i}` },
      },
    },
    sort: [now - i * 1000, i],
  }));
  return Buffer.from(
    JSON.stringify({
      took: 2,
      timed_out: false,
      _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
      hits: { total: { value: HITS, relation: 'eq' }, max_score: null, hits },
      aggregations: {
        histogram: {
          buckets: [
            {
              key: now,
              doc_count: HITS,
              levels: {
                buckets: [
                  { key: 'INFO', doc_count: HITS - 5 },
                  { key: 'ERROR', doc_count: 5 },
                ],
              },
            },
          ],
        },
      },
    }),
  );
}

/**
 * A stand-in OpenSearch that answers every `_search` at once with the same canned answer, whatever it asks,
 * so a benchmark can send any number of distinct log searches without a real search engine's cost.
 */
export class CannedLogSearch {
  private server?: Server;
  private searches = 0;
  url = '';

  async start(): Promise<this> {
    const answer = searchAnswer();
    this.server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (req.method === 'POST' && (req.url ?? '').includes('/_search')) {
          this.searches++;
          res.writeHead(200, {
            'content-type': 'application/json',
            'content-length': String(answer.length),
          });
          res.end(answer);
          return;
        }
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end('{"error":"not served by the canned stand-in"}');
      });
    });
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>(resolve =>
      this.server!.listen(0, '127.0.0.1', () => resolve()),
    );
    this.url = `http://127.0.0.1:${
      (this.server.address() as AddressInfo).port
    }`;
    return this;
  }

  /** `_search` calls answered so far. */
  calls(): number {
    return this.searches;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise(
      resolve => this.server?.close(resolve) ?? resolve(undefined),
    );
  }
}
