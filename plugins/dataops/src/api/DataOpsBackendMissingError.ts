/**
 * Thrown when `/api/dataops` answers 404 without the backend's own error body: the route does not exist, so
 * the backend plugin is not installed (or not reachable through the proxy).
 * @public
 */
export class DataOpsBackendMissingError extends Error {
  /** Error name, for telling this error apart without `instanceof`. */
  readonly name = 'DataOpsBackendMissingError';
}
