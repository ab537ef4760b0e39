import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { StoredSeries } from '../promql';
import { writeOpenMetrics } from '../prometheus/openMetrics';

/** A free loopback port: bind to 0, read the port, release it. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function requireBinary(name: string): string {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(`The '${name}' binary is not on PATH; install Prometheus (Debian package 'prometheus') to run this test`);
  }
}

export interface RealPrometheus {
  url: string;
  stop(): Promise<void>;
}

/**
 * Backfills the given samples into a fresh TSDB with promtool and starts a real Prometheus on it, waiting
 * (by polling) until it answers. Used by tests to compare the evaluator with the reference engine.
 */
export async function startRealPrometheus(series: StoredSeries[], mint: number, maxt: number, timeoutMs = 90000): Promise<RealPrometheus> {
  const prometheus = requireBinary('prometheus');
  const promtool = requireBinary('promtool');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-prom-'));
  const input = path.join(dir, 'samples.om');
  writeOpenMetrics(series, mint, maxt, input);
  execFileSync(promtool, ['tsdb', 'create-blocks-from', 'openmetrics', input, path.join(dir, 'data')], { stdio: 'pipe' });
  fs.writeFileSync(path.join(dir, 'prometheus.yml'), 'global:\n  scrape_interval: 1m\n');
  const port = await freePort();
  const child: ChildProcess = spawn(prometheus, [
    `--config.file=${path.join(dir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${path.join(dir, 'data')}`,
    '--storage.tsdb.retention.time=30d',
    `--web.listen-address=127.0.0.1:${port}`,
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', d => {
    log = (log + String(d)).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise(resolve => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise(r => setTimeout(r, 10000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`prometheus exited early: ${log}`);
    }
    try {
      const res = await fetch(`${url}/-/ready`);
      if (res.ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 300));
  }
  await stop();
  throw new Error(`prometheus did not become ready within ${timeoutMs} ms: ${log}`);
}
