export { createPrometheusProxy } from './createPrometheusProxy';
export { AHEAD_HOURS, HISTORY_HOURS, startPrometheusBackends } from './startPrometheusBackends';
export { findBinary, freePort, MissingBinaryError, startRealPrometheus } from './startRealPrometheus';
export type { RealPrometheus } from './startRealPrometheus';
