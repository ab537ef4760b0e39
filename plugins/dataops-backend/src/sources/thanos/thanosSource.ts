import { createDataOpsSource } from '@dataops-observability/plugin-dataops-node';
import { PrometheusClient } from './PrometheusClient';
import { readThanosConfig } from './readThanosConfig';

/** `thanos`: Thanos Querier or any Prometheus HTTP API, for metrics, SLOs and storage checks. */
export const thanosSource = createDataOpsSource({
  id: 'thanos',
  readConfig: readThanosConfig,
  createClient: (config, { timeoutMs, maxResponseBytes }) =>
    new PrometheusClient(config, timeoutMs, maxResponseBytes),
});
