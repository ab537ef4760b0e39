/*
 * Upstream calls per page view (cold and warm cache) and request latency with three environments served by
 * one real Prometheus (central-Thanos style, `env` label per environment).
 *
 *   yarn workspace @internal/plugin-dataops-backend bench
 */
import { createServer, request as httpRequest } from 'node:http';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { dataopsPlugin } from '../src/plugin';
import {
  SCENARIO_ENVS,
  freePort,
  scenarioEntity,
  scenarioOpenMetrics,
  startPrometheus,
} from '../src/__testUtils__';

/** Counts calls on their way to Prometheus, so the count is what Prometheus really served. */
async function countingProxy(target: string) {
  const port = await freePort();
  const upstream = new URL(target);
  let calls = 0;
  const server = createServer((req, res) => {
    calls++;
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      answer => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(forward);
  });
  await new Promise<void>(r => server.listen(port, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${port}`,
    calls: () => calls,
    close: () => new Promise(r => server.close(r)),
  };
}

function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

async function main() {
  const end = Math.floor(Date.now() / 1000) - 60;
  const prometheus = await startPrometheus({
    openMetrics: scenarioOpenMetrics(end),
  });
  const proxy = await countingProxy(prometheus.url);
  const { server } = await startTestBackend({
    features: [
      dataopsPlugin,
      catalogServiceMock.factory({ entities: [scenarioEntity()] }),
      mockServices.rootConfig.factory({
        data: {
          dataops: {
            environments: SCENARIO_ENVS.map(name => ({
              name,
              thanos: { url: proxy.url, extraSelector: `env="${name}"` },
            })),
          },
        },
      }),
    ],
  });
  const path = '/api/dataops/v1/entity/default/component/daily-sales-etl';
  try {
    const rows: string[] = [];
    for (const view of ['metrics', 'summary']) {
      const cold: number[] = [];
      const warm: number[] = [];
      let coldCalls = 0;
      let warmCalls = 0;
      const runs = 5;
      for (let i = 0; i < runs; i++) {
        // A distinct absolute range per run makes the first request cold.
        const to = new Date(
          (end - i * 7 - (view === 'summary' ? 3 : 0)) * 1000,
        ).toISOString();
        const url = `${path}/${view}?from=${encodeURIComponent(
          new Date(Date.parse(to) - 3600_000).toISOString(),
        )}&to=${encodeURIComponent(to)}`;
        let before = proxy.calls();
        let t = performance.now();
        const res = await request(server).get(url);
        cold.push(performance.now() - t);
        coldCalls += proxy.calls() - before;
        if (res.status !== 200) {
          throw new Error(
            `${view} answered ${res.status}: ${JSON.stringify(res.body)}`,
          );
        }
        before = proxy.calls();
        t = performance.now();
        await request(server).get(url);
        warm.push(performance.now() - t);
        warmCalls += proxy.calls() - before;
      }
      rows.push(
        `${view.padEnd(8)} cold: ${(coldCalls / runs).toFixed(
          1,
        )} upstream calls, p50 ${percentile(cold, 0.5).toFixed(
          0,
        )} ms, max ${Math.max(...cold).toFixed(0)} ms | warm: ${(
          warmCalls / runs
        ).toFixed(1)} upstream calls, p50 ${percentile(warm, 0.5).toFixed(
          1,
        )} ms`,
      );
    }
    process.stdout.write(
      `Page views against a real Prometheus, ${
        SCENARIO_ENVS.length
      } environments (${SCENARIO_ENVS.join(
        ', ',
      )}), spark-job entity, 1 h range:\n${rows.join('\n')}\n`,
    );
  } finally {
    await proxy.close();
    await prometheus.stop();
  }
  process.exit(0);
}

main().catch(e => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exit(1);
});
