import { createDataOpsSource } from '@dataops-observability/plugin-dataops-node';
import { SparkHistoryClient } from './SparkHistoryClient';
import { readSparkHistoryConfig } from './readSparkHistoryConfig';

/** `sparkHistory`: a Spark History Server, read by the `runs` view for Spark job entities. */
export const sparkHistorySource = createDataOpsSource({
  id: 'sparkHistory',
  readConfig: readSparkHistoryConfig,
  createClient: (config, { timeoutMs, maxResponseBytes }) =>
    new SparkHistoryClient(config, timeoutMs, maxResponseBytes),
});
