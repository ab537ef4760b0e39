/**
 * Test helper shared by the backend's client tests and the demo environment's fake servers: checks that what
 * they send and answer conforms to the upstream systems' official API specifications.
 *
 * @packageDocumentation
 */
export { SpecValidator } from './SpecValidator';
export type { SpecCheckResult } from './SpecValidator';
export { loadSpec, findSpecsDir, SPEC_FILES } from './specFiles';
export type { SpecName } from './specFiles';
export {
  SPARK_APPLICATION_EXAMPLE,
  SPARK_JOB_EXAMPLE,
  SPARK_STAGE_EXAMPLE,
  checkSparkHistoryShape,
} from './documentedShapes/sparkHistory';
