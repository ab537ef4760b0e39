/**
 * Extension points and types for modules that add data sources and views to the DataOps backend.
 *
 * @packageDocumentation
 */
export * from './extensions';
