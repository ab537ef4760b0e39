import { DataOpsSourceError } from '@dataops-observability/plugin-dataops-node';
import type { DataOpsViewContext } from '@dataops-observability/plugin-dataops-node';
import { AirflowClient } from '../../sources/airflow';
import { FAILED_RUNS_EXPLAINED, airflowRuns } from './airflowRuns';
import { createRunsView } from './runsView';

const NOW = Date.parse('2026-12-05T12:00:00Z');

function fakeClient(
  runs: Array<{ runId: string; state: string }>,
  failTasks = false,
) {
  const real = new AirflowClient(
    {
      url: 'http://af',
      uiUrl: 'http://ui',
      auth: { kind: 'none' },
      maxConcurrency: 1,
    },
    1000,
  );
  return Object.assign(Object.create(real), {
    listDagRuns: jest.fn(async () => ({
      runs: runs.map(r => ({
        ...r,
        startDate: '2026-12-05T10:00:00Z',
        endDate: '2026-12-05T10:30:00Z',
      })),
      totalEntries: runs.length,
    })),
    listFailingTasks: jest.fn(async () => {
      if (failTasks) {
        throw new DataOpsSourceError({
          type: 'UPSTREAM_TIMEOUT',
          source: 'airflow',
          message: 'slow',
        });
      }
      return [{ taskId: 't', state: 'failed' }];
    }),
  }) as AirflowClient & { listFailingTasks: jest.Mock };
}

function ctx(markPartial = jest.fn()) {
  return {
    signal: new AbortController().signal,
    markPartial,
  } as unknown as DataOpsViewContext;
}

describe('airflowRuns', () => {
  const range = { from: 0, to: NOW / 1000, step: 60 };

  it('keeps the runs when the tasks of a failed run can not be read, and marks the answer partial', async () => {
    const markPartial = jest.fn();
    const client = fakeClient([{ runId: 'r1', state: 'failed' }], true);
    const data = await airflowRuns({
      ctx: ctx(markPartial),
      client,
      dagId: 'd',
      range,
      nowMs: NOW,
    });
    expect(data.runs[0]).toMatchObject({
      id: 'r1',
      level: 'critical',
      durationSeconds: 1800,
      durationLevel: 'unknown',
      tasksError: {
        type: 'UPSTREAM_TIMEOUT',
        source: 'airflow',
        message: 'slow',
      },
    });
    expect(data.runs[0].failedTasks).toBeUndefined();
    expect(markPartial).toHaveBeenCalledWith(
      'task instances of 1 failed run(s) could not be read',
    );
  });

  it(`explains at most ${FAILED_RUNS_EXPLAINED} failed runs, and never one whose id it would not put in a URL`, async () => {
    const runs = [
      { runId: 'bad/../id', state: 'failed' },
      ...Array.from({ length: 8 }, (_, i) => ({
        runId: `r${i}`,
        state: 'failed',
      })),
    ];
    const client = fakeClient(runs);
    const data = await airflowRuns({
      ctx: ctx(),
      client,
      dagId: 'd',
      range,
      nowMs: NOW,
    });
    expect(data.runs).toHaveLength(9);
    expect(data.runs[0].url).toBeUndefined();
    expect(data.runs[0].failedTasks).toBeUndefined();
    expect(client.listFailingTasks.mock.calls.map(c => c[1])).toEqual([
      'r0',
      'r1',
      'r2',
      'r3',
      'r4',
    ]);
  });
});

describe('runs summary', () => {
  const summarize = createRunsView({
    config: { storage: { freshnessTargetSeconds: 3600 } },
  } as unknown as Parameters<typeof createRunsView>[0]).summarize!;
  const run = (state: string, level: any, durationLevel: any = 'unknown') => ({
    id: 'r',
    state,
    level,
    durationLevel,
    durationSeconds: 3000,
  });

  it('rolls up the last run and its run time against the SLA', () => {
    expect(
      summarize({
        source: 'airflow',
        identity: 'd',
        runs: [],
        totalInRange: 0,
      }),
    ).toEqual({
      level: 'unknown',
      reason: 'no run in the range',
    });
    expect(
      summarize({
        source: 'airflow',
        identity: 'd',
        runs: [run('failed', 'critical')],
        totalInRange: 1,
      }),
    ).toEqual({ level: 'critical', reason: 'last run failed, 50 min' });
    expect(
      summarize({
        source: 'airflow',
        identity: 'd',
        sla: {
          seconds: 1800,
          annotation: 'dataops.io/run-sla',
          thresholds: { direction: 'above', warning: 1800, critical: 2700 },
        },
        runs: [run('success', 'healthy', 'critical')],
        totalInRange: 1,
      }),
    ).toEqual({
      level: 'critical',
      reason: 'last run success, 50 min of 30 min SLA',
    });
    // A run still going is judged on its time so far only.
    expect(
      summarize({
        source: 'airflow',
        identity: 'd',
        sla: {
          seconds: 2400,
          annotation: 'dataops.io/run-sla',
          thresholds: { direction: 'above', warning: 2400, critical: 3600 },
        },
        runs: [{ ...run('running', 'unknown', 'warning'), ongoing: true }],
        totalInRange: 1,
      }),
    ).toEqual({
      level: 'warning',
      reason: 'last run running, 50 min so far of 40 min SLA',
    });
  });
});
