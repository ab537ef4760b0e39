export { readDataOpsConfig, DEFAULT_TIMEOUT_MS } from './readDataOpsConfig';
export { readStorageConfig } from './readStorageConfig';
export type * from './types';
