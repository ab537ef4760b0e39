export { MAX_PAGE_SIZE, OpenSearchLogsClient } from './OpenSearchLogsClient';
export type {
  LogSearchHit,
  LogSearchRequest,
  LogSearchResult,
} from './OpenSearchLogsClient';
