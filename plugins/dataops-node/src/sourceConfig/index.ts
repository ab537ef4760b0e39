export {
  DEFAULT_SOURCE_CONCURRENCY,
  checkSourceUrl,
  readSourceConcurrency,
  readSourceHeaders,
  readSourceUrl,
} from './readSourceConfig';
