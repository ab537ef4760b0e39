/**
 * The Spark History Server publishes no machine-readable API specification: its REST API is described in
 * Spark's own documentation (apache/spark `docs/monitoring.md`, "REST API") and answers with the JSON of its
 * status classes. These are one documented-shape example of each answer the suite reads, written from that
 * documentation; `checkSparkHistoryShape` holds a fake's or a fixture's answer against them.
 */

/** An item of `GET /api/v1/applications` (one attempt shown; YARN cluster mode adds `attemptId`). */
export const SPARK_APPLICATION_EXAMPLE = {
  id: 'application_1517290848707_0008',
  name: 'Spark Pi',
  attempts: [
    {
      attemptId: '1',
      startTime: '2018-01-30T15:05:37.433GMT',
      endTime: '2018-01-30T15:06:04.625GMT',
      lastUpdated: '2018-01-30T15:06:04.848GMT',
      duration: 27192,
      sparkUser: 'spark',
      completed: true,
      appSparkVersion: '3.5.1',
      startTimeEpoch: 1517324737433,
      endTimeEpoch: 1517324764625,
      lastUpdatedEpoch: 1517324764848,
    },
  ],
};

/** An item of `GET /api/v1/applications/[app-id]/jobs`. */
export const SPARK_JOB_EXAMPLE = {
  jobId: 1,
  name: 'save at DailySalesEtl.scala:42',
  submissionTime: '2018-01-30T15:05:40.391GMT',
  completionTime: '2018-01-30T15:06:00.128GMT',
  stageIds: [1, 2],
  status: 'FAILED',
  numTasks: 10,
  numActiveTasks: 0,
  numCompletedTasks: 6,
  numSkippedTasks: 0,
  numFailedTasks: 4,
  numKilledTasks: 0,
  numCompletedIndices: 6,
  numActiveStages: 0,
  numCompletedStages: 1,
  numSkippedStages: 0,
  numFailedStages: 1,
  killedTasksSummary: {},
};

/** An item of `GET /api/v1/applications/[app-id]/stages`. */
export const SPARK_STAGE_EXAMPLE = {
  status: 'FAILED',
  stageId: 2,
  attemptId: 0,
  numTasks: 10,
  numActiveTasks: 0,
  numCompleteTasks: 6,
  numFailedTasks: 4,
  numKilledTasks: 0,
  numCompletedIndices: 6,
  submissionTime: '2018-01-30T15:05:41.000GMT',
  firstTaskLaunchedTime: '2018-01-30T15:05:41.100GMT',
  completionTime: '2018-01-30T15:06:00.000GMT',
  failureReason:
    'Job aborted due to stage failure: Task 3 in stage 2.0 failed 4 times',
  executorRunTime: 120000,
  inputBytes: 1048576,
  inputRecords: 1000,
  outputBytes: 0,
  outputRecords: 0,
  name: 'save at DailySalesEtl.scala:42',
  details: '',
  schedulingPool: 'default',
  rddIds: [3],
  accumulatorUpdates: [],
  killedTasksSummary: {},
};

const EXAMPLES = {
  application: SPARK_APPLICATION_EXAMPLE,
  job: SPARK_JOB_EXAMPLE,
  stage: SPARK_STAGE_EXAMPLE,
} as const;

/** Fields the documentation marks optional (absent in some modes or states). */
const OPTIONAL = new Set([
  'attemptId',
  'submissionTime',
  'completionTime',
  'firstTaskLaunchedTime',
  'failureReason',
  'description',
  'jobGroup',
]);

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  return value === null ? 'null' : typeof value;
}

function compare(
  example: unknown,
  value: unknown,
  at: string,
  errors: string[],
) {
  if (kindOf(example) !== kindOf(value)) {
    errors.push(
      `${at || '/'} is ${kindOf(value)}, documented as ${kindOf(example)}`,
    );
    return;
  }
  if (Array.isArray(example) && Array.isArray(value) && example.length > 0) {
    value.forEach((item, i) => compare(example[0], item, `${at}/${i}`, errors));
    return;
  }
  if (kindOf(example) === 'object') {
    const doc = example as Record<string, unknown>;
    const got = value as Record<string, unknown>;
    for (const key of Object.keys(doc)) {
      if (!(key in got)) {
        if (!OPTIONAL.has(key)) errors.push(`${at}/${key} is missing`);
      } else {
        compare(doc[key], got[key], `${at}/${key}`, errors);
      }
    }
  }
}

/**
 * Checks a list answer of the Spark History Server against the documented shape of its items: every documented
 * field present (unless optional) with the documented JSON type. Extra fields are allowed, as the API's
 * versioning policy lets new fields appear.
 */
export function checkSparkHistoryShape(
  kind: keyof typeof EXAMPLES,
  list: unknown,
): { valid: boolean; errors: string[] } {
  const errors: string[] = [];
  if (!Array.isArray(list)) {
    return { valid: false, errors: ['/ is not a list'] };
  }
  list.forEach((item, i) => compare(EXAMPLES[kind], item, `/${i}`, errors));
  return { valid: errors.length === 0, errors };
}
