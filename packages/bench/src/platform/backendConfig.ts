import type { JsonObject } from '@backstage/types';

export interface BenchBackendOptions {
  /** Port the backend listens on (loopback). */
  port: number;
  /** Environment names; each reads `<upstreamUrl>/<name>/<service>`. */
  environments: string[];
  /** Where the stand-in upstreams answer, normally a DelayedCountingProxy in front of the sandbox. */
  upstreamUrl: string;
  /** `memory` (one replica) or a Redis URL shared by replicas. */
  cache: 'memory' | { redis: string };
  /** In-memory SQLite (one replica) or PostgreSQL databases named `<prefix><plugin>`, shared by replicas. */
  database: 'sqlite' | { postgresPrefix: string };
  /** Seconds between alert polls; without it the poller is off so it does not add upstream calls. */
  alertPollSeconds?: number;
  /** `dataops.cacheTtlSeconds`: per-view cache TTL overrides; 0 turns a view's cache off. */
  cacheTtlSeconds?: Record<string, number>;
  /** Fleet copies of the workloads in the catalog (see `fleetEntities`); none by default. */
  fleetEntities?: number;
  /** `dataops.fleet`: the fleet route's bounds. */
  fleet?: {
    maxConcurrentEntities?: number;
    maxEntities?: number;
    deadlineSeconds?: number;
  };
}

const UPSTREAM_TIMEOUT_MS = 60_000;

/** Credentials the demo sandbox accepts; see packages/dataops-sandbox/README.md. */
function environmentConfig(name: string, base: string): JsonObject {
  const at = (service: string) => `${base}/${name}/${service}`;
  return {
    name,
    // The sandbox behind the stand-ins shares the machine with the load; when it is slow the benchmark
    // should see a slow answer, not a timeout error that is not cached and turns into extra calls.
    timeoutMs: UPSTREAM_TIMEOUT_MS,
    thanos: { url: at('prometheus') },
    opensearch: {
      url: at('opensearch'),
      username: 'sandbox',
      password: 'sandbox-opensearch-password',
      allowedIndexPatterns: ['logs-*'],
    },
    argocd: [
      {
        name: `${name}-argocd`,
        url: at('argocd'),
        token: 'sandbox-argocd-token',
      },
    ],
    alertmanager: { url: at('alertmanager') },
    iceberg: { url: at('iceberg'), token: 'sandbox-iceberg-token' },
  };
}

/** The app-config of a benchmark backend: only what the dataops plugin and the core services need. */
export function benchBackendConfig(options: BenchBackendOptions): JsonObject {
  const { port, environments, upstreamUrl, cache, database } = options;
  return {
    backend: {
      baseUrl: `http://127.0.0.1:${port}`,
      listen: { host: '127.0.0.1', port },
      database:
        database === 'sqlite'
          ? { client: 'better-sqlite3', connection: ':memory:' }
          : {
              client: 'pg',
              connection: { host: '127.0.0.1', port: 5432, user: 'postgres' },
              prefix: database.postgresPrefix,
            },
      cache:
        cache === 'memory'
          ? { store: 'memory' }
          : { store: 'redis', connection: cache.redis },
    },
    dataops: {
      environments: environments.map(name =>
        environmentConfig(name, upstreamUrl),
      ),
      alertPoller: options.alertPollSeconds
        ? { enabled: true, frequencySeconds: options.alertPollSeconds }
        : { enabled: false },
      ...(options.cacheTtlSeconds
        ? { cacheTtlSeconds: options.cacheTtlSeconds }
        : {}),
      ...(options.fleet ? { fleet: options.fleet } : {}),
    },
    // Read by the benchmark backend's own entry point, not by any plugin.
    ...(options.fleetEntities
      ? { bench: { fleetEntities: options.fleetEntities } }
      : {}),
  };
}
