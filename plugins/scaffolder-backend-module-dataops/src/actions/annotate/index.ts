export { createCatalogAnnotateAction } from './createCatalogAnnotateAction';
