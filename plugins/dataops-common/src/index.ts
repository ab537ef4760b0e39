/**
 * Shared types, annotation constants and pure helpers of the DataOps observability plugins.
 *
 * @packageDocumentation
 */
export * from './api/types';
