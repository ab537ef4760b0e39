export { PrometheusClient } from './PrometheusClient';
export type { PrometheusResult } from './PrometheusClient';
