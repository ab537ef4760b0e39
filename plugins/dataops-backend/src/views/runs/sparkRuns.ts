import {
  RunEntry,
  RunSla,
  RunTask,
  RunsData,
  TimeRange,
  evaluateThresholds,
} from '@dataops-observability/plugin-dataops-common';
import {
  DataOpsSourceError,
  DataOpsViewContext,
} from '@dataops-observability/plugin-dataops-node';
import type {
  SparkApplicationRun,
  SparkFailure,
  SparkHistoryClient,
} from '../../sources/sparkHistory';
import { FAILED_RUNS_EXPLAINED, RUNS_LIMIT } from './airflowRuns';

function durationSeconds(app: SparkApplicationRun, nowMs: number) {
  if (app.startMs === undefined) return undefined;
  const end = app.completed
    ? app.endMs ?? app.startMs + (app.durationMs ?? 0)
    : nowMs;
  return Math.max(0, (end - app.startMs) / 1000);
}

function toTask(
  client: SparkHistoryClient,
  app: SparkApplicationRun,
  f: SparkFailure,
): RunTask {
  const stage = f.kind === 'stage';
  return {
    kind: f.kind,
    taskId: stage ? `stage ${f.id}.${f.attemptId ?? 0}` : `job ${f.id}`,
    state: f.status.toLowerCase(),
    level: 'critical',
    name: f.name || undefined,
    reason: f.failureReason,
    failedTaskCount: f.numFailedTasks,
    url: stage
      ? client.uiUrl(app.appId, app.attemptId, {
          id: f.id,
          attemptId: f.attemptId,
        })
      : undefined,
  };
}

/**
 * The `runs` data of one environment from a Spark History Server. The API has no outcome field, so an
 * application counts as failed when its newest attempt has failed jobs; that takes one call per completed
 * application listed, and one more for the failed stages of the newest failures.
 */
export async function sparkRuns(options: {
  ctx: DataOpsViewContext;
  client: SparkHistoryClient;
  appName: string;
  range: TimeRange;
  sla?: RunSla;
  nowMs: number;
}): Promise<RunsData> {
  const { ctx, client, appName, range, sla, nowMs } = options;
  const { runs: apps, truncated } = await client.listApplications(
    appName,
    range,
    ctx.signal,
  );
  const listed = apps.slice(0, RUNS_LIMIT);
  const jobOutcomes = await Promise.allSettled(
    listed.map(app =>
      app.completed
        ? client.listFailedJobs(app.appId, app.attemptId, ctx.signal)
        : Promise.resolve([] as SparkFailure[]),
    ),
  );
  let unread = 0;
  const runs: RunEntry[] = listed.map((app, i) => {
    const outcome = jobOutcomes[i];
    if (
      outcome.status === 'rejected' &&
      !(outcome.reason instanceof DataOpsSourceError)
    ) {
      throw outcome.reason;
    }
    const failedJobs =
      outcome.status === 'fulfilled' ? outcome.value : undefined;
    let state = 'running';
    if (app.completed) {
      if (failedJobs === undefined) state = 'completed';
      else state = failedJobs.length > 0 ? 'failed' : 'succeeded';
    }
    const levels: Record<string, RunEntry['level']> = {
      failed: 'critical',
      succeeded: 'healthy',
    };
    const seconds = durationSeconds(app, nowMs);
    const run: RunEntry = {
      id: app.appId,
      state,
      level: levels[state] ?? 'unknown',
      ...(app.attempts > 1 ? { attempts: app.attempts } : {}),
      startedAt:
        app.startMs === undefined
          ? undefined
          : new Date(app.startMs).toISOString(),
      endedAt:
        app.endMs === undefined ? undefined : new Date(app.endMs).toISOString(),
      durationSeconds: seconds,
      ...(app.completed ? {} : { ongoing: true }),
      durationLevel: sla
        ? evaluateThresholds(seconds, sla.thresholds)
        : 'unknown',
      url: client.uiUrl(app.appId, app.attemptId),
    };
    if (outcome.status === 'rejected') {
      unread++;
      run.tasksError = (outcome.reason as DataOpsSourceError).toUpstreamError();
    } else if (failedJobs && failedJobs.length > 0) {
      run.failedTasks = failedJobs.map(f => toTask(client, app, f));
    }
    return run;
  });
  // Stages say why: read them for the newest failures only, as the Airflow side reads task instances.
  const explained = runs
    .filter(r => r.state === 'failed')
    .slice(0, FAILED_RUNS_EXPLAINED);
  const stageOutcomes = await Promise.allSettled(
    explained.map(r => {
      const app = listed.find(a => a.appId === r.id)!;
      return client.listFailedStages(app.appId, app.attemptId, ctx.signal);
    }),
  );
  stageOutcomes.forEach((outcome, i) => {
    const run = explained[i];
    const app = listed.find(a => a.appId === run.id)!;
    if (outcome.status === 'fulfilled') {
      run.failedTasks = [
        ...outcome.value.map(f => toTask(client, app, f)),
        ...(run.failedTasks ?? []),
      ];
    } else if (outcome.reason instanceof DataOpsSourceError) {
      unread++;
      run.tasksError = outcome.reason.toUpstreamError();
    } else {
      throw outcome.reason;
    }
  });
  if (unread > 0) {
    ctx.markPartial(
      `jobs or stages of ${unread} application(s) could not be read`,
    );
  }
  return {
    source: 'spark-history',
    identity: appName,
    ...(sla ? { sla } : {}),
    runs,
    totalInRange: apps.length,
    ...(truncated
      ? {
          note: 'the history server listed as many applications of the range as the scan reads; older runs may be missing',
        }
      : {}),
  };
}
