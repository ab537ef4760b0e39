import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { checkSparkHistoryShape } from '@internal/api-spec-checks';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  SPARK_APPLICATIONS_SCANNED,
  SparkHistoryClient,
} from './SparkHistoryClient';
import {
  failedJob,
  failedStage,
  sparkApplication,
} from './__testUtils__/sparkAnswers';

const SHS = 'http://spark-history.test';
const T = Date.parse('2026-12-05T10:00:00Z');

const applications = [
  sparkApplication({
    id: 'application_1_0001',
    name: 'daily-sales-etl',
    startMs: T - 7200_000,
    endMs: T - 5400_000,
  }),
  sparkApplication({
    id: 'application_1_0003',
    name: 'daily-sales-etl',
    startMs: T - 600_000,
    attempts: 2,
  }),
  sparkApplication({
    id: 'application_1_0002',
    name: 'clickstream',
    startMs: T - 3600_000,
    endMs: T - 3000_000,
  }),
  sparkApplication({
    id: '../../etc',
    name: 'daily-sales-etl',
    startMs: T,
    endMs: T + 1,
  }),
];
const jobs = [failedJob(4, 'save at DailySalesEtl.scala:42')];
const stages = [
  failedStage(
    7,
    'save at DailySalesEtl.scala:42',
    'Job aborted: Task 3 in stage 7.0 failed 4 times\n\tat org.apache...',
  ),
];

describe('SparkHistoryClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const urls: URL[] = [];

  beforeEach(() => {
    urls.length = 0;
    server.use(
      http.get(`${SHS}/api/v1/applications`, ({ request }) => {
        urls.push(new URL(request.url));
        return HttpResponse.json(applications);
      }),
      http.get(
        `${SHS}/api/v1/applications/:app/:attempt/jobs`,
        ({ request }) => {
          urls.push(new URL(request.url));
          return HttpResponse.json(jobs);
        },
      ),
      http.get(
        `${SHS}/api/v1/applications/:app/:attempt/stages`,
        ({ request }) => {
          urls.push(new URL(request.url));
          return HttpResponse.json(stages);
        },
      ),
    );
  });

  const client = () =>
    new SparkHistoryClient(
      {
        url: SHS,
        uiUrl: 'https://spark.example',
        token: 'tok',
        maxConcurrency: 2,
      },
      5000,
    );

  it('uses fixtures of the documented shapes', () => {
    expect(checkSparkHistoryShape('application', applications).errors).toEqual(
      [],
    );
    expect(checkSparkHistoryShape('job', jobs).errors).toEqual([]);
    expect(checkSparkHistoryShape('stage', stages).errors).toEqual([]);
  });

  it("keeps the entity's applications of the range, newest first, without its name in the URL", async () => {
    const { runs, truncated } = await client().listApplications(
      'daily-sales-etl',
      {
        from: T / 1000 - 86400,
        to: T / 1000,
      },
    );
    expect(truncated).toBe(false);
    expect(runs).toEqual([
      {
        appId: 'application_1_0003',
        name: 'daily-sales-etl',
        attemptId: '2',
        attempts: 2,
        startMs: T - 600_000,
        endMs: undefined,
        durationMs: 0,
        completed: false,
      },
      {
        appId: 'application_1_0001',
        name: 'daily-sales-etl',
        attemptId: '1',
        attempts: 1,
        startMs: T - 7200_000,
        endMs: T - 5400_000,
        durationMs: 1800_000,
        completed: true,
      },
    ]);
    expect(Object.fromEntries(urls[0].searchParams)).toEqual({
      minDate: '2026-12-04T10:00:00.000GMT',
      maxDate: '2026-12-05T10:00:00.000GMT',
      limit: String(SPARK_APPLICATIONS_SCANNED),
    });
    expect(urls[0].search).not.toContain('daily');
  });

  it('says when the scan hit its cap', async () => {
    server.use(
      http.get(`${SHS}/api/v1/applications`, () =>
        HttpResponse.json(
          Array.from(
            { length: SPARK_APPLICATIONS_SCANNED },
            () => applications[2],
          ),
        ),
      ),
    );
    expect(
      (await client().listApplications('x', { from: 0, to: 1 })).truncated,
    ).toBe(true);
  });

  it('reads failed jobs and stages of the newest attempt, first line of the reason only', async () => {
    const c = client();
    expect(await c.listFailedJobs('application_1_0003', '2')).toEqual([
      {
        kind: 'job',
        id: 4,
        name: 'save at DailySalesEtl.scala:42',
        status: 'FAILED',
        numFailedTasks: 4,
      },
    ]);
    expect(await c.listFailedStages('application_1_0003', '2')).toEqual([
      {
        kind: 'stage',
        id: 7,
        attemptId: 0,
        name: 'save at DailySalesEtl.scala:42',
        status: 'FAILED',
        failureReason: 'Job aborted: Task 3 in stage 7.0 failed 4 times',
        numFailedTasks: 4,
      },
    ]);
    expect(urls.map(u => `${u.pathname}${u.search}`).sort()).toEqual([
      '/api/v1/applications/application_1_0003/2/jobs?status=failed',
      '/api/v1/applications/application_1_0003/2/stages?status=failed',
    ]);
  });

  it.each([
    ['../x', undefined],
    ['a/b', undefined],
    ['app', '../1'],
    ['app', '1?x'],
  ])(
    'refuses application %j attempt %j before any request',
    async (appId, attemptId) => {
      await expect(client().listFailedJobs(appId, attemptId)).rejects.toThrow(
        /is not a valid Spark/,
      );
      await expect(client().listFailedStages(appId, attemptId)).rejects.toThrow(
        /is not a valid Spark/,
      );
      expect(urls).toEqual([]);
    },
  );

  it('links to the application and a stage in the web UI', () => {
    expect(client().uiUrl('application_1_0003', '2')).toBe(
      'https://spark.example/history/application_1_0003/2/jobs/',
    );
    expect(
      client().uiUrl('application_1_0001', undefined, { id: 7, attemptId: 1 }),
    ).toBe(
      'https://spark.example/history/application_1_0001/stages/stage/?id=7&attempt=1',
    );
  });

  it('rejects a list answer that is not a list', async () => {
    server.use(
      http.get(`${SHS}/api/v1/applications`, () =>
        HttpResponse.json({ apps: [] }),
      ),
    );
    await expect(
      client().listApplications('x', { from: 0, to: 1 }),
    ).rejects.toMatchObject({
      type: 'BAD_RESPONSE',
      source: 'sparkHistory',
    });
  });
});
