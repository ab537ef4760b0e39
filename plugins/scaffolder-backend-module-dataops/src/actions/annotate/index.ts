export { createCatalogAnnotateAction } from './createCatalogAnnotateAction';
export type { CatalogAnnotateActionOptions } from './createCatalogAnnotateAction';
