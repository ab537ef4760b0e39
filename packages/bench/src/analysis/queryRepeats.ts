import type { ProxyCall } from '../upstreams/DelayedCountingProxy';

/**
 * Prometheus queries one page view asked more than once in the same environment (`env01: sum(x) x2`).
 * A view should ask each query once; a repeat means a panel's work was not shared.
 */
export function repeatedQueries(calls: readonly ProxyCall[]): string[] {
  const counts = new Map<string, number>();
  for (const call of calls) {
    if (call.query === undefined) {
      continue;
    }
    const env = call.path.split('/')[1];
    const key = `${env}: ${call.query}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].filter(([, n]) => n > 1).map(([key, n]) => `${key} x${n}`);
}

/** Calls of one kind prefix, e.g. `/prometheus/api/v1/series`, per environment at most. */
export function callsPerEnvironment(
  calls: readonly ProxyCall[],
  pathEnding: string,
): Map<string, number> {
  const perEnv = new Map<string, number>();
  for (const call of calls) {
    if (call.path.endsWith(pathEnding)) {
      const env = call.path.split('/')[1];
      perEnv.set(env, (perEnv.get(env) ?? 0) + 1);
    }
  }
  return perEnv;
}
