import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@dataops-observability/plugin-dataops-test-utils';
import { StoredSeries } from '../promql';
import { writeOpenMetrics } from '../prometheus/openMetrics';

/** Where an executable is on PATH, or undefined; looked up here so a missing binary is an answer, not a crash. */
export function findBinary(name: string, searchPath: string = process.env.PATH ?? ''): string | undefined {
  for (const dir of searchPath.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** Thrown when `prometheus` or `promtool` is not installed, so callers can fall back instead of failing. */
export class MissingBinaryError extends Error {}

function requireBinary(name: string): string {
  const found = findBinary(name);
  if (!found) {
    throw new MissingBinaryError(`the '${name}' binary is not on PATH (Debian package 'prometheus' installs it)`);
  }
  return found;
}

export interface RealPrometheus {
  url: string;
  stop(): Promise<void>;
}

/**
 * Backfills the given samples into a fresh TSDB with promtool and starts a real Prometheus on it, waiting
 * (by polling) until it answers. The temporary directory goes away on stop.
 */
export async function startRealPrometheus(series: StoredSeries[], mint: number, maxt: number, timeoutMs = 90000): Promise<RealPrometheus> {
  const prometheus = requireBinary('prometheus');
  const promtool = requireBinary('promtool');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-prom-'));
  try {
    const input = path.join(dir, 'samples.om');
    writeOpenMetrics(series, mint, maxt, input);
    execFileSync(promtool, ['tsdb', 'create-blocks-from', 'openmetrics', input, path.join(dir, 'data')], { stdio: 'pipe' });
    fs.rmSync(input);
    fs.writeFileSync(path.join(dir, 'prometheus.yml'), 'global:\n  scrape_interval: 1m\n');
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
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
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise(resolve => child.once('exit', resolve));
      child.kill('SIGTERM');
      // The grace timer is cleared once the child exits, or it would keep the test worker alive 10 s.
      let grace: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise(r => { grace = setTimeout(r, 10000); })]);
      clearTimeout(grace);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
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
