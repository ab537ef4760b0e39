export { createOpenSearchRouter } from './createOpenSearchRouter';
export { logsBetween, logsForMinute } from './generateLogs';
export type { LogDoc } from './generateLogs';
export { matchesQuery, parseDate, QueryError, timeWindow } from './queryDsl';
