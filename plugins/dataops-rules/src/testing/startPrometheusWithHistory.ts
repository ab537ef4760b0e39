import { ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireBinary } from './binaries';
import { runPromtool } from './promtool';

/** A running Prometheus over backfilled history. @public */
export interface PrometheusWithHistory {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Stops Prometheus (SIGTERM, then SIGKILL) and deletes its data. Safe to call twice. */
  stop(): Promise<void>;
}

/** @public */
export interface StartPrometheusOptions {
  /** How long to wait for `/-/ready`; generous by default for slow, shared machines. */
  readyTimeoutMs?: number;
  /** Passed as `--storage.tsdb.retention.time`, so old backfilled blocks are not dropped at start. */
  retention?: string;
  /** Extra Prometheus flags. */
  args?: string[];
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

async function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return true;
  }
  return new Promise(resolve => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  child.kill('SIGTERM');
  if (!(await waitForExit(child, 10_000))) {
    child.kill('SIGKILL');
    await waitForExit(child, 5_000);
  }
}

/**
 * Backfills `openMetricsText` into a fresh TSDB with `promtool tsdb create-blocks-from openmetrics`,
 * starts the real `prometheus` on a free loopback port over it and resolves once `/-/ready` answers.
 * Always call `stop()` (in `afterAll`). Keep the samples within the last few days: Prometheus drops
 * blocks beyond its retention, and queries should use a fixed evaluation time.
 * @public
 */
export async function startPrometheusWithHistory(
  openMetricsText: string,
  options: StartPrometheusOptions = {},
): Promise<PrometheusWithHistory> {
  requireBinary('prometheus');
  requireBinary('promtool');
  const dir = await mkdtemp(join(tmpdir(), 'slo-prometheus-'));
  const dataDir = join(dir, 'data');
  const cleanupDir = () => rm(dir, { recursive: true, force: true });
  try {
    await writeFile(join(dir, 'history.om.txt'), openMetricsText);
    // No scrape jobs: the backfilled history is all the data this server should have.
    await writeFile(
      join(dir, 'prometheus.yml'),
      'global:\n  evaluation_interval: 1m\n',
    );
    const backfill = await runPromtool(
      [
        'tsdb',
        'create-blocks-from',
        'openmetrics',
        '--max-block-duration=24h',
        join(dir, 'history.om.txt'),
        dataDir,
      ],
      { timeoutMs: 300_000 },
    );
    if (backfill.exitCode !== 0) {
      throw new Error(
        `promtool backfill failed (exit ${backfill.exitCode}): ${backfill.output}`,
      );
    }
  } catch (e) {
    await cleanupDir();
    throw e;
  }

  const readyTimeoutMs = options.readyTimeoutMs ?? 90_000;
  let lastError = '';
  // A port found free can be taken before Prometheus binds it; try a few.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    let log = '';
    const child = spawn(
      'prometheus',
      [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${dataDir}`,
        `--storage.tsdb.retention.time=${options.retention ?? '3650d'}`,
        `--web.listen-address=127.0.0.1:${port}`,
        ...(options.args ?? []),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout!.on('data', c => {
      log = (log + c).slice(-8000);
    });
    child.stderr!.on('data', c => {
      log = (log + c).slice(-8000);
    });
    child.on('error', e => {
      log += `\nspawn error: ${e.message}`;
    });
    const deadline = Date.now() + readyTimeoutMs;
    let ready = false;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        break;
      }
      try {
        const res = await fetch(`${url}/-/ready`, {
          signal: AbortSignal.timeout(2_000),
        });
        if (res.ok) {
          ready = true;
          break;
        }
      } catch {
        // not listening yet
      }
      await sleep(250);
    }
    if (ready) {
      let stopped = false;
      return {
        url,
        async stop() {
          if (stopped) return;
          stopped = true;
          await stopChild(child);
          await cleanupDir();
        },
      };
    }
    await stopChild(child);
    lastError = log;
    if (!/address already in use/.test(log)) {
      break;
    }
  }
  await cleanupDir();
  throw new Error(
    `Prometheus did not become ready within ${readyTimeoutMs} ms. Last output:\n${lastError}`,
  );
}

/** One element of an instant-vector answer. @public */
export interface InstantSample {
  metric: Record<string, string>;
  value: number;
}

/**
 * Runs an instant query through `/api/v1/query` at a fixed time and returns the vector (a scalar
 * answer becomes one sample without labels). Throws with Prometheus' error text on failure.
 * @public
 */
export async function queryInstant(
  baseUrl: string,
  query: string,
  time: number,
): Promise<InstantSample[]> {
  const params = new URLSearchParams({ query, time: String(time) });
  const res = await fetch(`${baseUrl}/api/v1/query?${params}`, {
    signal: AbortSignal.timeout(30_000),
  });
  const body = (await res.json()) as any;
  if (!res.ok || body.status !== 'success') {
    throw new Error(
      `Query failed (${res.status}): ${body.error ?? ''}\n${query}`,
    );
  }
  const { resultType, result } = body.data;
  if (resultType === 'scalar') {
    return [{ metric: {}, value: Number(result[1]) }];
  }
  if (resultType !== 'vector') {
    throw new Error(`Expected a vector, got ${resultType}`);
  }
  return result.map((r: any) => ({
    metric: r.metric,
    value: Number(r.value[1]),
  }));
}
