import type { DataOpsSource } from './sourceTypes';

/**
 * Declares a source. It returns `source` as it is; its use is that the configuration and client types are
 * inferred from `readConfig` and `createClient`, so `ctx.source(mySource)` in a view is typed.
 * @public
 */
export function createDataOpsSource<TConfig, TClient>(
  source: DataOpsSource<TConfig, TClient>,
): DataOpsSource<TConfig, TClient> {
  return source;
}
