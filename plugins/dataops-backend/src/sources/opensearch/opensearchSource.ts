import { createDataOpsSource } from '@dataops-observability/plugin-dataops-node';
import { OpenSearchLogsClient } from './OpenSearchLogsClient';
import { readOpenSearchConfig } from './readOpenSearchConfig';

/** `opensearch`: the log store of the `logs` view. */
export const opensearchSource = createDataOpsSource({
  id: 'opensearch',
  readConfig: readOpenSearchConfig,
  createClient: (config, { timeoutMs, maxResponseBytes }) =>
    new OpenSearchLogsClient(config, timeoutMs, maxResponseBytes),
});
