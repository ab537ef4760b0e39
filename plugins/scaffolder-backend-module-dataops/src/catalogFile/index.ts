export { annotateCatalogFile, createCatalogFile } from './annotateCatalogFile';
export type { AnnotateResult, EntitySelector } from './annotateCatalogFile';
export { validateAnnotation } from './validateAnnotation';
