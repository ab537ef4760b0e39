import express, { Request, Response } from 'express';
import { Env, Scenario } from '../scenario';
import { buildApplications, GeneratedApplication } from './buildApplications';

/** The history server's dates, `2015-02-03T16:42:40.000GMT`. */
const gmt = (ms: number) => new Date(ms).toISOString().replace(/Z$/, 'GMT');
/** What the server writes for "never" (an incomplete attempt's end). */
const NEVER = -1;
/** The documented date forms of `minDate`/`maxDate`: a day, or a time ending in GMT. */
const DATE_PARAM = /^\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\d(\.\d{1,3})?GMT)?$/;

function dateParam(raw: unknown): number | undefined | null {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !DATE_PARAM.test(raw)) return null;
  return Date.parse(raw.endsWith('GMT') ? `${raw.slice(0, -3)}Z` : `${raw}T00:00:00Z`);
}

function attempt(app: GeneratedApplication, index: number) {
  // Newest attempt first; a retried application's first attempt failed a minute in.
  const latest = index === 0;
  const start = latest ? app.startMs : app.startMs - 120_000;
  const end = latest ? app.endMs : app.startMs - 60_000;
  return {
    attemptId: String(app.attempts - index),
    startTime: gmt(start),
    endTime: end === undefined ? '1969-12-31T23:59:59.999GMT' : gmt(end),
    lastUpdated: gmt(end ?? start),
    duration: end === undefined ? 0 : end - start,
    sparkUser: 'spark',
    completed: end !== undefined,
    appSparkVersion: '3.5.1',
    startTimeEpoch: start,
    endTimeEpoch: end ?? NEVER,
    lastUpdatedEpoch: end ?? start,
  };
}

const CALL_SITE = 'save at DailySalesEtl.scala:42';

/**
 * The Spark History Server REST API subset the runs view reads (`/api/v1/applications` with `minDate`,
 * `maxDate`, `limit`, `status`; failed jobs and stages of one application attempt), for the example Spark
 * jobs of this environment, in the shapes of Spark's monitoring documentation.
 */
export function createSparkHistoryRouter(scenario: Scenario, env: Env, now: () => number) {
  const router = express.Router();
  const fail = (res: Response, status: number, message: string) =>
    res.status(status).type('text/plain').send(message);

  router.get('/api/v1/applications', (req: Request, res: Response) => {
    const min = dateParam(req.query.minDate);
    const max = dateParam(req.query.maxDate);
    const limit = req.query.limit === undefined ? Infinity : Number(req.query.limit);
    if (min === null || max === null || !(limit >= 0)) {
      return fail(res, 400, 'minDate/maxDate must be yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss.SSSGMT, limit a number');
    }
    const status = req.query.status;
    const apps = buildApplications(scenario, env, now())
      .filter(a => (min === undefined || a.startMs >= min) && (max === undefined || a.startMs <= max))
      .filter(a => status === undefined || (status === 'completed') === (a.endMs !== undefined))
      .reverse()
      .slice(0, limit);
    return res.json(
      apps.map(app => ({
        id: app.id,
        name: app.name,
        attempts: Array.from({ length: app.attempts }, (_, i) => attempt(app, i)),
      })),
    );
  });

  const findApp = (req: Request) => {
    const app = buildApplications(scenario, env, now()).find(a => a.id === req.params.appId);
    return app && req.params.attemptId === String(app.attempts) ? app : undefined;
  };

  router.get('/api/v1/applications/:appId/:attemptId/jobs', (req, res) => {
    const app = findApp(req);
    if (!app) return fail(res, 404, `unknown app: ${req.params.appId}`);
    const wanted = req.query.status;
    if (!app.failed || (wanted !== undefined && wanted !== 'failed')) return res.json([]);
    const at = gmt(app.endMs ?? app.startMs);
    return res.json([
      {
        jobId: 4,
        name: CALL_SITE,
        submissionTime: gmt(app.startMs + 60_000),
        completionTime: at,
        stageIds: [6, 7],
        status: 'FAILED',
        numTasks: 200,
        numActiveTasks: 0,
        numCompletedTasks: 196,
        numSkippedTasks: 0,
        numFailedTasks: 4,
        numKilledTasks: 0,
        numCompletedIndices: 196,
        numActiveStages: 0,
        numCompletedStages: 1,
        numSkippedStages: 0,
        numFailedStages: 1,
        killedTasksSummary: {},
      },
    ]);
  });

  router.get('/api/v1/applications/:appId/:attemptId/stages', (req, res) => {
    const app = findApp(req);
    if (!app) return fail(res, 404, `unknown app: ${req.params.appId}`);
    const wanted = req.query.status;
    if (!app.failed || (wanted !== undefined && wanted !== 'failed')) return res.json([]);
    return res.json([
      {
        status: 'FAILED',
        stageId: 7,
        attemptId: 0,
        numTasks: 100,
        numActiveTasks: 0,
        numCompleteTasks: 96,
        numFailedTasks: 4,
        numKilledTasks: 0,
        numCompletedIndices: 96,
        submissionTime: gmt(app.startMs + 90_000),
        firstTaskLaunchedTime: gmt(app.startMs + 91_000),
        completionTime: gmt(app.endMs ?? app.startMs),
        failureReason:
          'Job aborted due to stage failure: Task 17 in stage 7.0 failed 4 times, most recent failure: ExecutorLostFailure (executor 3 exited caused by one of the running tasks) Reason: Container killed on request. Exit code is 137\nDriver stacktrace:',
        executorRunTime: 1_800_000,
        inputBytes: 5_368_709_120,
        inputRecords: 42_000_000,
        outputBytes: 0,
        outputRecords: 0,
        name: CALL_SITE,
        details: '',
        schedulingPool: 'default',
        rddIds: [12, 13],
        accumulatorUpdates: [],
        killedTasksSummary: {},
      },
    ]);
  });

  return router;
}
