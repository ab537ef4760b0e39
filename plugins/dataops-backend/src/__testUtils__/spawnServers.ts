import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ServerProcess,
  freePort,
  requireBinary,
  startPrometheusWithHistory,
  startServerProcess,
} from '@dataops-observability/plugin-dataops-test-utils';

/** A server started for a test; `stop` kills it and removes its data. */
export type SpawnedServer = ServerProcess;

/**
 * Starts a real Prometheus over history backfilled from OpenMetrics text (`promtool tsdb
 * create-blocks-from openmetrics`), so tests know every sample by construction. The text must end in
 * `# EOF`.
 */
export async function startPrometheus(options: {
  openMetrics: string;
  readyTimeoutMs?: number;
}): Promise<SpawnedServer> {
  return startPrometheusWithHistory(options.openMetrics, {
    readyTimeoutMs: options.readyTimeoutMs,
    args: ['--query.lookback-delta=5m'],
  });
}

/** Starts a real Alertmanager with a single null receiver on free loopback ports. */
export async function startAlertmanager(
  options: { readyTimeoutMs?: number } = {},
): Promise<SpawnedServer & { postAlerts(alerts: unknown[]): Promise<void> }> {
  requireBinary('prometheus-alertmanager', 'prometheus-alertmanager');
  const dir = await mkdtemp(join(tmpdir(), 'dataops-am-'));
  const config = join(dir, 'alertmanager.yml');
  await writeFile(
    config,
    [
      'route:',
      '  receiver: none',
      '  group_wait: 1s',
      'receivers:',
      '  - name: none',
      'inhibit_rules:',
      '  - source_matchers: [severity="critical"]',
      '    target_matchers: [severity="warning"]',
      '    equal: [app]',
      '',
    ].join('\n'),
  );
  let server: ServerProcess;
  try {
    server = await startServerProcess({
      command: 'prometheus-alertmanager',
      args: async port => {
        const clusterPort = await freePort();
        return [
          `--config.file=${config}`,
          `--storage.path=${dir}`,
          `--web.listen-address=127.0.0.1:${port}`,
          `--cluster.listen-address=127.0.0.1:${clusterPort}`,
          `--cluster.advertise-address=127.0.0.1:${clusterPort}`,
        ];
      },
      readyTimeoutMs: options.readyTimeoutMs,
    });
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  const { url, port } = server;
  return {
    url,
    port,
    async stop() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
    async postAlerts(alerts) {
      const response = await fetch(`${url}/api/v2/alerts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(alerts),
      });
      if (!response.ok) {
        throw new Error(
          `Alertmanager refused the alerts: ${
            response.status
          } ${await response.text()}`,
        );
      }
    },
  };
}
