export { PrometheusClient } from './PrometheusClient';
export type { PrometheusResult } from './PrometheusClient';
export type { ThanosConfig } from './readThanosConfig';
export { thanosSource } from './thanosSource';
