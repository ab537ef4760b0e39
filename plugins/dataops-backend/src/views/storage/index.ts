export { createStorageView } from './storageView';
export { DEFAULT_CHECKS, STORAGE_KINDS } from './defaultChecks';
export type { StorageCheckDefinition, StorageKind } from './defaultChecks';
export { parseStorageTargets } from './parseStorageTargets';
export type { StorageTarget } from './parseStorageTargets';
export { resolveChecks } from './resolveChecks';
