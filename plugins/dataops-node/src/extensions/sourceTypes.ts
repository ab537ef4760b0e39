import type { Config } from '@backstage/config';
import type { SourceName } from '@dataops-observability/plugin-dataops-common';

/** What a source's `readConfig` sees of one environment. @public */
export interface DataOpsSourceConfigContext {
  /** Environment name, e.g. `prod`. */
  envName: string;
  /** The environment's raw `dataops.environments[]` item; a source reads its own key of it. */
  config: Config;
  /** The whole app configuration, for a source that reuses another plugin's settings. */
  rootConfig: Config;
}

/** What a source's `createClient` gets besides its configuration. @public */
export interface DataOpsSourceClientContext {
  /** Environment name, e.g. `prod`. */
  envName: string;
  /** Budget of one upstream call in this environment, milliseconds (`timeoutMs` of the environment). */
  timeoutMs: number;
  /** Largest upstream answer to read in this environment (`maxResponseBytes` of the environment). */
  maxResponseBytes: number;
}

/**
 * An upstream system (a Prometheus, a log store, a catalog) that environments may configure. The plugin
 * reads every source's configuration of every environment once at start-up, builds one client per
 * environment that configures it, reports it on `GET /v1/environments`, and hands the client to views
 * through `ctx.source(...)`.
 * @public
 */
export interface DataOpsSource<TConfig = unknown, TClient = unknown> {
  /**
   * Unique name of the source: its key in the `sources` of `GET /v1/environments`, the `source` of its
   * `not-configured` entries and of its errors. Letters, digits, `_` and `-`, starting with a letter.
   */
  id: SourceName;
  /**
   * The source's validated settings in one environment, or `undefined` when the environment does not
   * configure it. Throw an `Error` naming the field (`thanos.url must be http or https`) to stop the
   * backend at start-up; the plugin prefixes the environment's name.
   */
  readConfig(ctx: DataOpsSourceConfigContext): TConfig | undefined;
  /**
   * The client of one environment, built once at start-up so connection pools, concurrency caps and
   * sessions live as long as the backend.
   */
  createClient(config: TConfig, ctx: DataOpsSourceClientContext): TClient;
  /**
   * Extra fields of the environment's entry in `GET /v1/environments` (for example the names of its
   * Argo CD instances), called for every environment, with `undefined` when it does not configure the
   * source. Never put secrets here: the browser reads this route.
   */
  environmentInfo?(config: TConfig | undefined): Record<string, unknown>;
}

/** Extension point through which backend modules add upstream sources to the DataOps plugin. @public */
export interface DataOpsSourcesExtensionPoint {
  /** Adds a source; an id the plugin already has is rejected at start-up. */
  addSource(source: DataOpsSource<any, any>): void;
}
