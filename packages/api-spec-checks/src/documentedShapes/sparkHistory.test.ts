import {
  SPARK_APPLICATION_EXAMPLE,
  SPARK_JOB_EXAMPLE,
  SPARK_STAGE_EXAMPLE,
  checkSparkHistoryShape,
} from './sparkHistory';

describe('checkSparkHistoryShape', () => {
  it('accepts the documented examples, with optional fields left out and new fields added', () => {
    expect(
      checkSparkHistoryShape('application', [SPARK_APPLICATION_EXAMPLE]).errors,
    ).toEqual([]);
    expect(checkSparkHistoryShape('job', [SPARK_JOB_EXAMPLE]).errors).toEqual(
      [],
    );
    const { failureReason, ...withoutReason } = SPARK_STAGE_EXAMPLE;
    expect(
      checkSparkHistoryShape('stage', [
        { ...withoutReason, isShufflePushEnabled: false },
      ]).errors,
    ).toEqual([]);
    expect(failureReason).toBeTruthy();
  });

  it('names missing fields and wrong types, down into attempts', () => {
    const [attempt] = SPARK_APPLICATION_EXAMPLE.attempts;
    const { sparkUser, ...noUser } = attempt;
    expect(sparkUser).toBe('spark');
    expect(
      checkSparkHistoryShape('application', [
        {
          ...SPARK_APPLICATION_EXAMPLE,
          attempts: [{ ...noUser, duration: '27s' }],
        },
      ]).errors,
    ).toEqual([
      '/0/attempts/0/duration is string, documented as number',
      '/0/attempts/0/sparkUser is missing',
    ]);
    expect(checkSparkHistoryShape('job', { jobs: [] })).toEqual({
      valid: false,
      errors: ['/ is not a list'],
    });
  });
});
