export { createPrometheusProxy } from './createPrometheusProxy';
export { AHEAD_HOURS, HISTORY_HOURS, startPrometheusBackends } from './startPrometheusBackends';
export { findBinary, MissingBinaryError, startRealPrometheus } from './startRealPrometheus';
export type { RealPrometheus } from './startRealPrometheus';
