/**
 * DataOps observability backend plugin.
 *
 * @packageDocumentation
 */
export { dataopsPlugin as default } from './plugin';
// Exported so the demo sandbox's contract test sends exactly the body this plugin sends to OpenSearch.
export { buildLogSearchBody } from './clients';
export type { LogSearchRequest } from './clients';
