export { ConcurrencyLimiter } from './ConcurrencyLimiter';
export { badResponse, fetchJson, withUpstreamCall } from './fetchJson';
export type { UpstreamCallOptions } from './fetchJson';
export { DEFAULT_MAX_RESPONSE_BYTES, readBody } from './readBody';
export type { ReadBodyOptions } from './readBody';
export { upstreamStatusError } from './statusError';
export { credentialsOf, redactSecrets } from './redactSecrets';
