import { DelayedCountingProxy } from '../upstreams/DelayedCountingProxy';
import { sharedSandbox } from './SandboxProcess';

/** How far away every stand-in upstream is. */
export const UPSTREAM_LATENCY_MS = 100;

/**
 * The sandbox's environments in the order numbered environments map onto them: `env01` is stage, whose
 * spark-job panels take the longest chain of calls (a metric that is not collected, then its fallback), so
 * the one-environment case already has the deepest critical path and growing the fan-out adds no rounds.
 */
const SANDBOX_ENVIRONMENTS = ['stage', 'prod', 'dev'];

/** `env01`, `env02`, ...: environment names of a backend configured with `count` environments. */
export function numberedEnvironments(count: number): string[] {
  return Array.from(
    { length: count },
    (_, i) => `env${String(i + 1).padStart(2, '0')}`,
  );
}

/** `/env04/prometheus/api/v1/query` -> `/stage/prometheus/api/v1/query`; other paths are left alone. */
export function toSandboxPath(path: string): string {
  return path.replace(/^\/env(\d+)\//, (_, n: string) => {
    const env =
      SANDBOX_ENVIRONMENTS[(Number(n) - 1) % SANDBOX_ENVIRONMENTS.length];
    return `/${env}/`;
  });
}

/**
 * Stand-in upstreams for a scenario: {@link UPSTREAM_LATENCY_MS} away, counting calls, in front of the
 * shared sandbox. Stop it when the scenario ends.
 */
export async function startStandIns(
  options: { replay?: boolean } = {},
): Promise<DelayedCountingProxy> {
  const sandbox = await sharedSandbox();
  return new DelayedCountingProxy({
    target: sandbox.url,
    latencyMs: UPSTREAM_LATENCY_MS,
    rewritePath: toSandboxPath,
    replay: options.replay,
  }).start();
}
