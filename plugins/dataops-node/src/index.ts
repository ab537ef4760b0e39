/**
 * Extension points and types for modules that add data sources and views to the DataOps backend, and the
 * HTTP discipline every source's client shares (timeouts, concurrency cap, body limit, secret redaction,
 * typed errors, no redirects).
 *
 * @packageDocumentation
 */
export * from './extensions';
export * from './http';
export * from './sourceConfig';
