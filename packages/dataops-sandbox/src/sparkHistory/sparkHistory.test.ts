import { checkSparkHistoryShape } from '@internal/api-spec-checks';
import { RunningSandbox, startSandbox } from '../server';
import { Faults, loadCatalog, Scenario } from '../scenario';

jest.setTimeout(60000);

const HOUR = 3600_000;
const gmt = (ms: number) => new Date(ms).toISOString().replace(/Z$/, 'GMT');

describe('sandbox Spark History Server', () => {
  let sandbox: RunningSandbox;
  const anchorMs = Math.floor(Date.now() / HOUR) * HOUR - 30 * 60_000;
  const get = async (path: string) => {
    const res = await fetch(`${sandbox.url}${path}`);
    return { status: res.status, body: (await res.json().catch(() => undefined)) as any };
  };
  const appsOf = async (env: string, name: string, hours = 6) => {
    const { status, body } = await get(
      `/${env}/spark-history/api/v1/applications?minDate=${gmt(anchorMs - hours * HOUR)}&maxDate=${gmt(anchorMs)}&limit=500`,
    );
    expect(status).toBe(200);
    expect(checkSparkHistoryShape('application', body).errors).toEqual([]);
    return body.filter((a: any) => a.name === name);
  };

  beforeAll(async () => {
    const scenario = new Scenario(loadCatalog(), anchorMs, new Faults('', ''));
    sandbox = await startSandbox({ scenario, port: 0, now: () => anchorMs });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('lists hourly applications of each job in the range, newest first, none ending in the future', async () => {
    const apps = await appsOf('dev', 'daily-sales-etl');
    expect(apps).toHaveLength(6);
    const starts = apps.map((a: any) => a.attempts[0].startTimeEpoch);
    expect(starts).toEqual([...starts].sort((a: number, b: number) => b - a));
    // A finished attempt ended by now; an unfinished one says so with the API's -1.
    const ends = apps.map((app: any) => app.attempts[0]).map((a: any) => (a.completed ? a.endTimeEpoch <= anchorMs : a.endTimeEpoch === -1));
    expect(ends).toEqual(apps.map(() => true));
    const { body } = await get(`/dev/spark-history/api/v1/applications?status=completed&limit=3`);
    expect(body).toHaveLength(3);
    expect(body.every((a: any) => a.attempts[0].completed)).toBe(true);
  });

  it('fails the stage ETL an hour before start-up in a stage, after a retried attempt', async () => {
    const apps = await appsOf('stage', 'daily-sales-etl');
    const failed = apps[1];
    expect(failed.attempts.map((a: any) => a.attemptId)).toEqual(['2', '1']);
    const base = `/stage/spark-history/api/v1/applications/${failed.id}/2`;
    const jobs = await get(`${base}/jobs?status=failed`);
    expect(checkSparkHistoryShape('job', jobs.body).errors).toEqual([]);
    expect(jobs.body.map((j: any) => [j.jobId, j.status])).toEqual([[4, 'FAILED']]);
    const stages = await get(`${base}/stages?status=failed`);
    expect(checkSparkHistoryShape('stage', stages.body).errors).toEqual([]);
    expect(stages.body[0].failureReason).toMatch(/^Job aborted due to stage failure: Task 17 in stage 7.0 failed 4 times/);
    const healthy = await get(`/stage/spark-history/api/v1/applications/${apps[2].id}/1/jobs?status=failed`);
    expect(healthy.body).toEqual([]);
  });

  it('runs one prod application over its SLA + 50% (30m, so over 45 minutes)', async () => {
    const minutes = (await appsOf('prod', 'daily-sales-etl'))
      .filter((a: any) => a.attempts[0].completed)
      .map((a: any) => a.attempts[0].duration / 60_000);
    expect(minutes.filter((m: number) => m > 45)).toHaveLength(1);
  });

  it('answers bad dates with 400 and unknown applications with 404', async () => {
    expect((await get('/prod/spark-history/api/v1/applications?minDate=yesterday')).status).toBe(400);
    expect((await get('/prod/spark-history/api/v1/applications/nope/1/jobs')).status).toBe(404);
  });
});
