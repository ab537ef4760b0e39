export { CatalogOwnership, parseGroupRef } from './CatalogOwnership';
export type { AlertTarget } from './CatalogOwnership';
export { matchLabels } from './matchLabels';
