import type { Config } from '@backstage/config';
import type { EnvironmentsResponse } from '@dataops-observability/plugin-dataops-common';
import {
  DataOpsNotConfiguredError,
  DataOpsSource,
} from '@dataops-observability/plugin-dataops-node';
import type { EnvironmentConfig } from '../config';

/** A source by id, or the source itself. */
export type SourceRef = string | { id: string };

/** Fields of an environment's entry in `GET /v1/environments` that a source's extra info may not take. */
const RESERVED_FIELDS = ['name', 'sources'];

interface Configured {
  config: unknown;
  client: unknown;
}

const idOf = (ref: SourceRef) => (typeof ref === 'string' ? ref : ref.id);

/**
 * Every source's configuration and client in every environment, read and built once at start-up. Views
 * reach a client through `ctx.source(...)`, the team features through {@link EnvironmentSources.client}.
 */
export class EnvironmentSources {
  private constructor(
    private readonly byEnv: ReadonlyMap<
      string,
      ReadonlyMap<string, Configured>
    >,
    private readonly entries: EnvironmentsResponse['environments'],
  ) {}

  /**
   * Reads each source's settings of each environment, then builds the clients. A bad setting stops the
   * backend with the environment and field named, before any client exists.
   */
  static fromConfig(options: {
    rootConfig: Config;
    environments: EnvironmentConfig[];
    sources: DataOpsSource<any, any>[];
  }): EnvironmentSources {
    const { rootConfig, environments, sources } = options;
    const configs = environments.map(env => {
      const read = new Map<string, unknown>();
      for (const source of sources) {
        let config: unknown;
        try {
          config = source.readConfig({
            envName: env.name,
            config: env.raw,
            rootConfig,
          });
        } catch (e) {
          throw new Error(
            `Invalid dataops environment '${env.name}': ${
              (e as Error).message
            }`,
          );
        }
        if (config !== undefined) {
          read.set(source.id, config);
        }
      }
      return read;
    });
    const byEnv = new Map<string, Map<string, Configured>>();
    const entries = environments.map((env, i) => {
      const configured = new Map<string, Configured>();
      for (const [id, config] of configs[i]) {
        const source = sources.find(s => s.id === id)!;
        configured.set(id, {
          config,
          client: source.createClient(config, {
            envName: env.name,
            timeoutMs: env.timeoutMs,
            maxResponseBytes: env.maxResponseBytes,
          }),
        });
      }
      byEnv.set(env.name, configured);
      return describe(env.name, configs[i], sources);
    });
    return new EnvironmentSources(byEnv, entries);
  }

  /** The source's client in `env`, or `undefined` when that environment does not configure it. */
  client<T>(env: string, source: SourceRef): T | undefined {
    return this.byEnv.get(env)?.get(idOf(source))?.client as T | undefined;
  }

  /** The source's client in `env`; not configured there answers `not-configured` for that environment. */
  require<T>(env: string, source: SourceRef): T {
    const configured = this.byEnv.get(env)?.get(idOf(source));
    if (!configured) {
      throw new DataOpsNotConfiguredError(idOf(source), env);
    }
    return configured.client as T;
  }

  /** The source's validated settings in `env`, or `undefined` when not configured there. */
  config<T>(env: string, source: SourceRef): T | undefined {
    return this.byEnv.get(env)?.get(idOf(source))?.config as T | undefined;
  }

  /** The environments with what each configures: the body of `GET /v1/environments`. */
  describe(): EnvironmentsResponse {
    return { environments: this.entries };
  }
}

/** One environment's entry of `GET /v1/environments`: every source, configured or not, and their extra info. */
function describe(
  name: string,
  configs: ReadonlyMap<string, unknown>,
  sources: DataOpsSource<any, any>[],
): EnvironmentsResponse['environments'][number] {
  const entry: Record<string, unknown> = {
    name,
    sources: Object.fromEntries(sources.map(s => [s.id, configs.has(s.id)])),
  };
  for (const source of sources) {
    const info = source.environmentInfo?.(configs.get(source.id)) ?? {};
    for (const [key, value] of Object.entries(info)) {
      if (RESERVED_FIELDS.includes(key) || key in entry) {
        throw new Error(
          `The dataops source '${source.id}' reports '${key}' for environment '${name}', a field that is taken`,
        );
      }
      entry[key] = value;
    }
  }
  return entry as EnvironmentsResponse['environments'][number];
}
