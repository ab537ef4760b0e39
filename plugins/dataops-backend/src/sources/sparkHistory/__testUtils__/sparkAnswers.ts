import {
  SPARK_APPLICATION_EXAMPLE,
  SPARK_JOB_EXAMPLE,
  SPARK_STAGE_EXAMPLE,
} from '@internal/api-spec-checks';

/**
 * Answers of a Spark History Server for tests, derived from the documented examples so that
 * `checkSparkHistoryShape` holds them (the client test checks it does).
 */
export function sparkApplication(options: {
  id: string;
  name: string;
  startMs: number;
  endMs?: number;
  attempts?: number;
}) {
  const [example] = SPARK_APPLICATION_EXAMPLE.attempts;
  const done = options.endMs !== undefined;
  const gmt = (ms: number) => new Date(ms).toISOString().replace(/Z$/, 'GMT');
  const attempts = Array.from({ length: options.attempts ?? 1 }, (_, i) => {
    // Newest attempt first, as the history server lists them; earlier attempts a minute apart.
    const shift = i * 60_000;
    const start = options.startMs - shift;
    const last = i === 0;
    // Earlier attempts ran 30 s and ended; the newest ends at endMs, or has not ended (-1, as the API says).
    const running = last && !done;
    let endMs = start + 30_000;
    if (last && done) endMs = options.endMs!;
    return {
      ...example,
      attemptId: String((options.attempts ?? 1) - i),
      startTime: gmt(start),
      endTime: running ? '1969-12-31T23:59:59.999GMT' : gmt(endMs),
      lastUpdated: gmt(endMs),
      duration: running ? 0 : endMs - start,
      completed: !running,
      startTimeEpoch: start,
      endTimeEpoch: running ? -1 : endMs,
      lastUpdatedEpoch: endMs,
    };
  });
  return {
    ...SPARK_APPLICATION_EXAMPLE,
    id: options.id,
    name: options.name,
    attempts,
  };
}

export function failedJob(jobId: number, name: string) {
  return { ...SPARK_JOB_EXAMPLE, jobId, name };
}

export function failedStage(
  stageId: number,
  name: string,
  failureReason: string,
) {
  return { ...SPARK_STAGE_EXAMPLE, stageId, name, failureReason };
}
