export {
  SPARK_APPLICATIONS_SCANNED,
  SparkHistoryClient,
  sparkDate,
} from './SparkHistoryClient';
export type { SparkApplicationRun, SparkFailure } from './SparkHistoryClient';
export { isValidSparkAppId, isValidSparkAttemptId } from './sparkIds';
export { sparkHistorySource } from './sparkHistorySource';
export type { SparkHistoryConfig } from './readSparkHistoryConfig';
