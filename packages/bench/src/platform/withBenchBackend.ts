import type { DelayedCountingProxy } from '../upstreams/DelayedCountingProxy';
import { BenchBackend } from './BenchBackend';
import type { BenchBackendOptions } from './backendConfig';
import { numberedEnvironments, startStandIns } from './standIns';

export interface BenchSetup {
  backend: BenchBackend;
  /** The stand-in upstreams the backend reads; their call counts are the scenario's upstream cost. */
  proxy: DelayedCountingProxy;
}

/**
 * Starts stand-in upstreams and one backend process reading them, runs `measure`, and stops both whatever
 * happens, so a failing scenario leaves no process behind.
 */
export async function withBenchBackend<T>(
  options: Omit<BenchBackendOptions, 'port' | 'upstreamUrl'> & {
    /** See DelayedCountingProxy's `replay`. */
    replay?: boolean;
  },
  measure: (setup: BenchSetup) => Promise<T>,
): Promise<T> {
  const { replay, ...backendOptions } = options;
  const proxy = await startStandIns({ replay });
  let backend: BenchBackend | undefined;
  try {
    backend = await BenchBackend.start({
      ...backendOptions,
      upstreamUrl: proxy.url,
    });
    return await measure({ backend, proxy });
  } finally {
    await backend?.stop();
    await proxy.stop();
  }
}

/**
 * The backend most scenarios measure: one replica, three environments (the sandbox's stage, prod and dev),
 * the in-memory cache and an in-memory SQLite database, as the development app-config has them.
 */
export const ONE_REPLICA = {
  environments: numberedEnvironments(3),
  cache: 'memory',
  database: 'sqlite',
} as const;
