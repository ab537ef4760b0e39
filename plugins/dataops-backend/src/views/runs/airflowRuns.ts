import {
  RunEntry,
  RunSla,
  RunsData,
  TimeRange,
  evaluateThresholds,
} from '@dataops-observability/plugin-dataops-common';
import {
  DataOpsSourceError,
  DataOpsViewContext,
} from '@dataops-observability/plugin-dataops-node';
import {
  AirflowClient,
  AirflowDagRun,
  isValidRunId,
} from '../../sources/airflow';
import { airflowStateLevel, failingTaskRank } from './runLevels';

/** Runs listed per environment; the tab shows them side by side, so a screenful is enough. */
export const RUNS_LIMIT = 25;
/**
 * Failed runs whose task instances are read. Each costs one more call; a DAG that failed all week needs
 * its newest failures explained, not all of them.
 */
export const FAILED_RUNS_EXPLAINED = 5;

function durationOf(run: AirflowDagRun, nowMs: number) {
  const start = run.startDate ? Date.parse(run.startDate) : NaN;
  if (Number.isNaN(start)) {
    return {};
  }
  const end = run.endDate ? Date.parse(run.endDate) : NaN;
  const ongoing = Number.isNaN(end);
  return {
    durationSeconds: Math.max(0, ((ongoing ? nowMs : end) - start) / 1000),
    ongoing,
  };
}

/** The `runs` data of one environment from Airflow: the DAG's last runs, and why the newest failures failed. */
export async function airflowRuns(options: {
  ctx: DataOpsViewContext;
  client: AirflowClient;
  dagId: string;
  range: TimeRange;
  sla?: RunSla;
  nowMs: number;
}): Promise<RunsData> {
  const { ctx, client, dagId, range, sla, nowMs } = options;
  const page = await client.listDagRuns(
    dagId,
    { from: range.from, to: range.to, limit: RUNS_LIMIT },
    ctx.signal,
  );
  const runs: RunEntry[] = page.runs.map(run => {
    const { durationSeconds, ongoing } = durationOf(run, nowMs);
    return {
      id: run.runId,
      state: run.state,
      level: airflowStateLevel(run.state),
      runType: run.runType,
      logicalDate: run.logicalDate,
      startedAt: run.startDate,
      endedAt: run.endDate,
      durationSeconds,
      ...(ongoing ? { ongoing } : {}),
      durationLevel: sla
        ? evaluateThresholds(durationSeconds, sla.thresholds)
        : 'unknown',
      // An id the client would refuse in a URL gets no link and no task lookup, but is still listed.
      url: isValidRunId(run.runId)
        ? client.gridUrl(dagId, run.runId)
        : undefined,
    };
  });
  const failed = runs
    .filter(r => r.state === 'failed' && r.url)
    .slice(0, FAILED_RUNS_EXPLAINED);
  const outcomes = await Promise.allSettled(
    failed.map(run => client.listFailingTasks(dagId, run.id, ctx.signal)),
  );
  let unexplained = 0;
  outcomes.forEach((outcome, i) => {
    const run = failed[i];
    if (outcome.status === 'rejected') {
      if (!(outcome.reason instanceof DataOpsSourceError)) {
        throw outcome.reason;
      }
      unexplained++;
      run.tasksError = outcome.reason.toUpstreamError();
      return;
    }
    run.failedTasks = outcome.value
      .sort((a, b) => failingTaskRank(a.state) - failingTaskRank(b.state))
      .map(task => ({
        taskId: task.taskId,
        state: task.state,
        level: airflowStateLevel(task.state),
        tryNumber: task.tryNumber,
        durationSeconds: task.durationSeconds,
        operator: task.operator,
        startedAt: task.startDate,
        endedAt: task.endDate,
        logUrl: client.gridUrl(dagId, run.id, task.taskId),
      }));
  });
  if (unexplained > 0) {
    // The runs are right, but the missing tasks are a failure, not data: do not cache them for the TTL.
    ctx.markPartial(
      `task instances of ${unexplained} failed run(s) could not be read`,
    );
  }
  return {
    source: 'airflow',
    identity: dagId,
    ...(sla ? { sla } : {}),
    runs,
    totalInRange: page.totalEntries,
    url: client.gridUrl(dagId),
  };
}
