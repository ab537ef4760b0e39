export { ConcurrencyLimiter } from './ConcurrencyLimiter';
export { badResponse, fetchJson, withUpstreamCall } from './fetchJson';
export type { UpstreamCallOptions } from './fetchJson';
