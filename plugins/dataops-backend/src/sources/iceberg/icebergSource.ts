import { createDataOpsSource } from '@dataops-observability/plugin-dataops-node';
import { IcebergRestClient } from './IcebergRestClient';
import { readIcebergConfig } from './readIcebergConfig';

/** `iceberg`: an Iceberg REST catalog, preferred over exporter metrics for table statistics in `storage`. */
export const icebergSource = createDataOpsSource({
  id: 'iceberg',
  readConfig: readIcebergConfig,
  createClient: (config, { timeoutMs, maxResponseBytes }) =>
    new IcebergRestClient(config, timeoutMs, maxResponseBytes),
});
