import { StoredSeries } from '../promql';
import { Env } from '../scenario';
import { RealPrometheus, startRealPrometheus } from './startRealPrometheus';

/**
 * How much generated history the real Prometheus holds around start-up. Samples after start-up are backfilled
 * too: a query only sees samples up to its evaluation time, so the charts keep moving with the clock until
 * `AHEAD_HOURS` after start-up (restart the sandbox to extend it).
 */
export const HISTORY_HOURS = 6;
export const AHEAD_HOURS = 6;

/**
 * Starts one backfilled Prometheus per environment. Without the binaries it returns none and says so in one
 * log line, so the sandbox keeps serving with its evaluator.
 */
export async function startPrometheusBackends(
  seriesByEnv: Partial<Record<Env, StoredSeries[]>>,
  anchorMs: number,
  log: (line: string) => void,
): Promise<Partial<Record<Env, RealPrometheus>>> {
  const mint = anchorMs - HISTORY_HOURS * 3600000;
  const maxt = anchorMs + AHEAD_HOURS * 3600000;
  const entries = Object.entries(seriesByEnv) as Array<[Env, StoredSeries[]]>;
  const started = await Promise.allSettled(entries.map(([, series]) => startRealPrometheus(series, mint, maxt, 180000)));
  const backends: Partial<Record<Env, RealPrometheus>> = {};
  const failures: string[] = [];
  started.forEach((result, i) => {
    if (result.status === 'fulfilled') backends[entries[i][0]] = result.value;
    else failures.push(result.reason instanceof Error ? result.reason.message : String(result.reason));
  });
  if (failures.length) {
    await Promise.all(Object.values(backends).map(b => b.stop()));
    log(`real Prometheus mode unavailable: ${failures[0]}; serving /<env>/prometheus with the built-in PromQL evaluator instead`);
    return {};
  }
  return backends;
}
