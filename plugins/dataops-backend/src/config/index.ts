export { readDataOpsConfig, DEFAULT_TIMEOUT_MS } from './readDataOpsConfig';
export { readStorageConfig } from './readStorageConfig';
export type * from './types';
export {
  DEFAULT_ENVIRONMENT_PROFILE,
  DEFAULT_STALE_AFTER_SECONDS,
} from './readProfileConfig';
