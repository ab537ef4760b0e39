export { OpenSearchLogsClient } from './OpenSearchLogsClient';
export type { LogSearchHit, LogSearchResult } from './OpenSearchLogsClient';
export { MAX_PAGE_SIZE, buildLogSearchBody } from './buildLogSearchBody';
export type { LogSearchFields, LogSearchRequest } from './buildLogSearchBody';
export type { OpenSearchConfig } from './readOpenSearchConfig';
export { opensearchSource } from './opensearchSource';
