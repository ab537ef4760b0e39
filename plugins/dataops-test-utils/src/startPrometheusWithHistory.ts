import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireBinary } from './binaries';
import { runPromtool } from './promtool';
import { ServerProcess, startServerProcess } from './startServerProcess';

/** A running Prometheus over backfilled history. @public */
export interface PrometheusWithHistory extends ServerProcess {
  /** Stops Prometheus (SIGTERM, then SIGKILL) and deletes its data. Safe to call twice. */
  stop(): Promise<void>;
}

/** Options of {@link startPrometheusWithHistory}. @public */
export interface StartPrometheusOptions {
  /** How long to wait for `/-/ready`; generous by default for slow, shared machines. */
  readyTimeoutMs?: number;
  /** Passed as `--storage.tsdb.retention.time`, so old backfilled blocks are not dropped at start. */
  retention?: string;
  /** Extra Prometheus flags. */
  args?: string[];
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

  try {
    const server = await startServerProcess({
      command: 'prometheus',
      args: port => [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${dataDir}`,
        `--storage.tsdb.retention.time=${options.retention ?? '3650d'}`,
        `--web.listen-address=127.0.0.1:${port}`,
        ...(options.args ?? []),
      ],
      readyTimeoutMs: options.readyTimeoutMs,
    });
    let stopped = false;
    return {
      ...server,
      async stop() {
        if (stopped) return;
        stopped = true;
        await server.stop();
        await cleanupDir();
      },
    };
  } catch (e) {
    await cleanupDir();
    throw e;
  }
}

/** One element of an instant-vector answer. @public */
export interface InstantSample {
  /** Labels of the sample (with `__name__` when the query keeps it). */
  metric: Record<string, string>;
  /** Value of the sample at the query time. */
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
