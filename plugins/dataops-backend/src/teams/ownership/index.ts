export {
  CatalogOwnership,
  OWNED_KINDS,
  OWNERSHIP_TTL_MS,
  parseGroupRef,
} from './CatalogOwnership';
export { GroupTree } from './GroupTree';
export { OwnershipIndex, normalizeRef } from './OwnershipIndex';
export type { AlertTarget } from './OwnershipIndex';
