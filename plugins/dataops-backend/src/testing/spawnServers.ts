import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './freePort';

const run = promisify(execFile);

/** A server started for a test; `stop` kills it and removes its data. */
export interface SpawnedServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

async function requireBinary(name: string, hint: string): Promise<void> {
  try {
    await run('sh', ['-c', `command -v ${name}`]);
  } catch {
    throw new Error(
      `The '${name}' binary is not on PATH. These tests run a real server; install it (${hint}) and retry.`,
    );
  }
}

async function waitReady(
  url: string,
  child: ChildProcess,
  log: () => string,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `server exited with ${child.exitCode} before becoming ready:\n${log()}`,
      );
    }
    try {
      const response = await fetch(url);
      if (response.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 250));
  }
  throw new Error(
    `server at ${url} not ready within ${timeoutMs} ms:\n${log()}`,
  );
}

function start(command: string, args: string[]) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, log: () => output };
}

async function kill(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise(r => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts a real Prometheus over history backfilled from OpenMetrics text (`promtool tsdb
 * create-blocks-from openmetrics`), so tests know every sample by construction. The text must end in
 * `# EOF`.
 */
export async function startPrometheus(options: {
  openMetrics: string;
  readyTimeoutMs?: number;
}): Promise<SpawnedServer> {
  await requireBinary('prometheus', 'Debian package prometheus');
  await requireBinary('promtool', 'Debian package prometheus');
  const dir = await mkdtemp(join(tmpdir(), 'dataops-prom-'));
  try {
    const input = join(dir, 'input.om');
    await writeFile(input, options.openMetrics);
    await writeFile(
      join(dir, 'prometheus.yml'),
      'global:\n  scrape_interval: 1h\n',
    );
    await run(
      'promtool',
      ['tsdb', 'create-blocks-from', 'openmetrics', input, join(dir, 'data')],
      {
        maxBuffer: 16 * 1024 * 1024,
      },
    );
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(
      `promtool could not backfill the test data: ${(e as Error).message}`,
    );
  }
  const port = await freePort();
  const { child, log } = start('prometheus', [
    `--config.file=${join(dir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${join(dir, 'data')}`,
    `--storage.tsdb.retention.time=100y`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--query.lookback-delta=5m',
  ]);
  const stop = async () => {
    await kill(child);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitReady(
      `http://127.0.0.1:${port}/-/ready`,
      child,
      log,
      options.readyTimeoutMs ?? 60_000,
    );
  } catch (e) {
    await stop();
    throw e;
  }
  return { url: `http://127.0.0.1:${port}`, port, stop };
}

/** Starts a real Alertmanager with a single null receiver on free loopback ports. */
export async function startAlertmanager(
  options: { readyTimeoutMs?: number } = {},
): Promise<SpawnedServer & { postAlerts(alerts: unknown[]): Promise<void> }> {
  await requireBinary(
    'prometheus-alertmanager',
    'Debian package prometheus-alertmanager',
  );
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
  const port = await freePort();
  const clusterPort = await freePort();
  const { child, log } = start('prometheus-alertmanager', [
    `--config.file=${config}`,
    `--storage.path=${dir}`,
    `--web.listen-address=127.0.0.1:${port}`,
    `--cluster.listen-address=127.0.0.1:${clusterPort}`,
    `--cluster.advertise-address=127.0.0.1:${clusterPort}`,
  ]);
  const stop = async () => {
    await kill(child);
    await rm(dir, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitReady(
      `${url}/-/ready`,
      child,
      log,
      options.readyTimeoutMs ?? 60_000,
    );
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    url,
    port,
    stop,
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
