import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { registerMswTestHooks, renderInTestApp } from '@backstage/test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  EntityViewResponse,
  RunEntry,
  RunsData,
} from '@dataops-observability/plugin-dataops-common';
import { RunsTab, RunsView } from './RunsTab';
import { durationRows } from './RunDurationChart';
import { durationText } from './RunItem';
import { logsQueryForRun } from './runLinks';
import { isDataOpsRunsAvailable } from '../../annotations';
import {
  renderWithEntity,
  TEST_BASE_URL,
} from '../../__testUtils__/renderWithEntity';
import {
  icebergTable,
  plainService,
  sparkJob,
} from '../../__testUtils__/fixtures';

const pipeline: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'sales-daily-pipeline',
    namespace: 'default',
    annotations: {
      'dataops.io/airflow-dag-id': 'sales_daily_pipeline',
      'dataops.io/run-sla': '45m',
      'dataops.io/opensearch-index': 'logs-airflow-*',
    },
  },
  spec: { type: 'airflow-dag', owner: 'sales-data' },
};

const GRID = 'https://airflow.example/dags/sales_daily_pipeline/grid';
const SLA = {
  seconds: 2700,
  annotation: 'dataops.io/run-sla',
  thresholds: { direction: 'above' as const, warning: 2700, critical: 4050 },
};
const run = (over: Partial<RunEntry>): RunEntry => ({
  id: 'r',
  state: 'success',
  level: 'healthy',
  durationLevel: 'healthy',
  runType: 'scheduled',
  ...over,
});
const FAILED_ID = 'scheduled__2026-12-05T09:00:00+00:00';

const stageRuns: RunEntry[] = [
  run({
    id: 'scheduled__2026-12-05T10:00:00+00:00',
    state: 'running',
    level: 'unknown',
    startedAt: '2026-12-05T11:00:30+00:00',
    durationSeconds: 600,
    ongoing: true,
  }),
  run({
    id: FAILED_ID,
    state: 'failed',
    level: 'critical',
    startedAt: '2026-12-05T10:00:30+00:00',
    endedAt: '2026-12-05T10:14:30+00:00',
    durationSeconds: 840,
    url: `${GRID}?dag_run_id=${encodeURIComponent(FAILED_ID)}`,
    failedTasks: [
      {
        taskId: 'run_spark_job',
        state: 'failed',
        level: 'critical',
        tryNumber: 2,
        durationSeconds: 412,
        operator: 'SparkSubmitOperator',
        logUrl: `${GRID}?dag_run_id=x&task_id=run_spark_job&tab=logs`,
      },
      {
        taskId: 'publish',
        state: 'upstream_failed',
        level: 'critical',
        logUrl: `${GRID}?dag_run_id=x&task_id=publish&tab=logs`,
      },
    ],
  }),
];
const prodRuns: RunEntry[] = [
  run({
    id: 'scheduled__2026-12-05T08:00:00+00:00',
    startedAt: '2026-12-05T09:00:30+00:00',
    endedAt: '2026-12-05T10:17:00+00:00',
    durationSeconds: 4590,
    durationLevel: 'critical',
  }),
  run({
    id: 'scheduled__2026-12-05T07:00:00+00:00',
    startedAt: '2026-12-05T08:00:30+00:00',
    endedAt: '2026-12-05T08:25:30+00:00',
    durationSeconds: 1500,
  }),
];

const data = (runs: RunEntry[], over: Partial<RunsData> = {}): RunsData => ({
  source: 'airflow',
  identity: 'sales_daily_pipeline',
  sla: SLA,
  runs,
  totalInRange: runs.length,
  url: GRID,
  ...over,
});

const response: EntityViewResponse<RunsData> = {
  entityRef: 'component:default/sales-daily-pipeline',
  environments: [
    {
      env: 'dev',
      status: 'error',
      error: {
        type: 'UPSTREAM_ERROR',
        source: 'airflow',
        statusCode: 503,
        message: 'airflow answered 503',
      },
    },
    { env: 'stage', status: 'ok', data: data(stageRuns, { totalInRange: 7 }) },
    { env: 'prod', status: 'ok', data: data(prodRuns) },
    { env: 'qa', status: 'not-configured', source: 'airflow' },
  ],
};

const region = (env: string) =>
  screen.getByRole('region', { name: `Environment ${env}` });
const runItem = (env: string, id: string) =>
  within(region(env)).getByRole('listitem', { name: `Run ${id}` });

describe('RunsView', () => {
  beforeEach(async () => {
    await renderInTestApp(
      <RunsView
        response={response}
        logsLink={search => `/logs?${search}`}
        nowMs={Date.parse('2026-12-05T11:10:30Z')}
      />,
    );
  });

  it('shows the failed run with its state as colour and word, its failing task and the task log', () => {
    const failed = runItem('stage', FAILED_ID);
    expect(failed).toHaveAttribute('data-level', 'critical');
    expect(
      within(failed).getAllByText('failed')[0].closest('[data-level]'),
    ).toHaveAttribute('data-level', 'critical');
    const task = within(failed).getByLabelText('Task run_spark_job');
    expect(task).toHaveTextContent(
      'run_spark_job (SparkSubmitOperator) · try 2 · 6 min',
    );
    expect(
      within(task).getByRole('link', { name: 'Task log' }),
    ).toHaveAttribute(
      'href',
      `${GRID}?dag_run_id=x&task_id=run_spark_job&tab=logs`,
    );
    // A task that never ran has no log worth opening.
    const blocked = within(failed).getByLabelText('Task publish');
    expect(
      within(blocked).queryByRole('link', { name: 'Task log' }),
    ).toBeNull();
    expect(
      within(failed).getByRole('link', { name: 'Open in Airflow' }),
    ).toHaveAttribute(
      'href',
      `${GRID}?dag_run_id=${encodeURIComponent(FAILED_ID)}`,
    );
  });

  it('links each run to the Logs tab filtered to its environment and time window', () => {
    const failed = runItem('stage', FAILED_ID);
    const href = within(failed)
      .getByRole('link', { name: 'Logs of this run' })
      .getAttribute('href')!;
    const params = new URLSearchParams(href.split('?')[1]);
    expect(params.getAll('env')).toEqual(['stage']);
    expect(params.get('from')).toBe('2026-12-05T09:59:30.000Z');
    expect(params.get('to')).toBe('2026-12-05T10:15:30.000Z');
    // A run still going: the window ends a minute after now.
    const running = runItem('stage', 'scheduled__2026-12-05T10:00:00+00:00');
    const runningHref = within(running)
      .getByRole('link', { name: 'Logs of this run' })
      .getAttribute('href')!;
    expect(new URLSearchParams(runningHref.split('?')[1]).get('to')).toBe(
      '2026-12-05T11:11:30.000Z',
    );
  });

  it('judges durations against the SLA in words as well as colour', () => {
    const slow = runItem('prod', 'scheduled__2026-12-05T08:00:00+00:00');
    expect(slow).toHaveAttribute('data-duration-level', 'critical');
    expect(
      within(slow).getByText('1 h 16 min of 45 min SLA, over SLA + 50%'),
    ).toBeInTheDocument();
    expect(
      within(runItem('prod', 'scheduled__2026-12-05T07:00:00+00:00')).getByText(
        '25 min of 45 min SLA',
      ),
    ).toBeInTheDocument();
    expect(
      within(
        runItem('stage', 'scheduled__2026-12-05T10:00:00+00:00'),
      ).getByText('10 min so far of 45 min SLA'),
    ).toBeInTheDocument();
    expect(
      within(region('prod')).getByRole('img', {
        name: 'Run durations in prod: 2 runs, SLA 45 min',
      }),
    ).toBeInTheDocument();
  });

  it('keeps each environment to its own column, with the last run in the heading', () => {
    expect(
      within(region('dev')).getByText(/airflow in dev/),
    ).toBeInTheDocument();
    expect(
      within(region('qa')).getByText('airflow is not configured for qa.'),
    ).toBeInTheDocument();
    const heading = within(region('stage')).getByRole('heading', { level: 3 });
    expect(within(heading).getByText('last run running')).toBeInTheDocument();
    expect(
      within(region('stage')).getByText(/newest 2 of 7 runs/),
    ).toBeInTheDocument();
    expect(
      within(region('stage')).getByRole('link', {
        name: 'sales_daily_pipeline',
      }),
    ).toHaveAttribute('href', GRID);
  });
});

describe('RunsView for a Spark job', () => {
  it('names the application, links to the Spark UI and shows the failed stage with its reason', async () => {
    const spark: EntityViewResponse<RunsData> = {
      entityRef: 'component:default/daily-sales-etl',
      environments: [
        {
          env: 'stage',
          status: 'ok',
          data: data(
            [
              run({
                id: 'application_1_00042',
                state: 'failed',
                level: 'critical',
                attempts: 2,
                startedAt: '2026-12-05T10:02:00Z',
                endedAt: '2026-12-05T10:12:00Z',
                durationSeconds: 600,
                url: 'https://spark.example/history/application_1_00042/2/jobs/',
                failedTasks: [
                  {
                    kind: 'stage',
                    taskId: 'stage 7.0',
                    state: 'failed',
                    level: 'critical',
                    name: 'save at DailySalesEtl.scala:42',
                    reason: 'Task 17 in stage 7.0 failed 4 times',
                    failedTaskCount: 4,
                    url: 'https://spark.example/history/application_1_00042/2/stages/stage/?id=7&attempt=0',
                  },
                ],
              }),
            ],
            {
              source: 'spark-history',
              identity: 'daily-sales-etl',
              url: undefined,
            },
          ),
        },
      ],
    };
    await renderInTestApp(<RunsView response={spark} />);
    const item = runItem('stage', 'application_1_00042');
    expect(within(item).getByText(/2 attempts/)).toBeInTheDocument();
    expect(
      within(item).getByRole('link', { name: 'Open in Spark UI' }),
    ).toHaveAttribute(
      'href',
      'https://spark.example/history/application_1_00042/2/jobs/',
    );
    const stage = within(item).getByLabelText('Task stage 7.0');
    expect(stage).toHaveTextContent(
      'save at DailySalesEtl.scala:42 · 4 failed tasks',
    );
    expect(
      within(stage).getByText('Task 17 in stage 7.0 failed 4 times'),
    ).toBeInTheDocument();
    expect(
      within(stage).getByRole('link', { name: 'Open stage' }),
    ).toHaveAttribute(
      'href',
      'https://spark.example/history/application_1_00042/2/stages/stage/?id=7&attempt=0',
    );
    expect(
      within(region('stage')).getByText(/Application daily-sales-etl/),
    ).toBeInTheDocument();
    // Without a mounted Logs tab there is no jump to it.
    expect(
      within(item).queryByRole('link', { name: 'Logs of this run' }),
    ).toBeNull();
  });
});

describe('RunsView for an Iceberg table', () => {
  it('lists commits with their figures instead of durations, and the freshness of the newest', async () => {
    const commits: EntityViewResponse<RunsData> = {
      entityRef: 'resource:default/sales-daily-orders',
      environments: [
        {
          env: 'prod',
          status: 'ok',
          data: {
            source: 'iceberg',
            identity: 'sales.daily_orders',
            runs: [
              run({
                id: '1039',
                state: 'append',
                runType: undefined,
                startedAt: '2026-12-05T11:58:00Z',
                endedAt: '2026-12-05T11:58:00Z',
                durationLevel: 'unknown',
                addedRecords: 5000,
                deletedRecords: 0,
                addedFiles: 3,
                deletedFiles: 0,
              }),
              run({
                id: '1038',
                state: 'overwrite',
                startedAt: '2026-12-05T11:56:00Z',
                durationLevel: 'unknown',
              }),
            ],
            totalInRange: 30,
            freshness: {
              lastCommitAt: '2026-12-05T11:58:00Z',
              ageSeconds: 5400,
              targetSeconds: 3600,
              level: 'warning',
            },
          },
        },
      ],
    };
    await renderInTestApp(<RunsView response={commits} />);
    const prod = region('prod');
    expect(
      within(prod)
        .getByText('last commit 1 h 30 min ago (target 1 h)')
        .closest('[data-level]'),
    ).toHaveAttribute('data-level', 'warning');
    expect(
      within(prod).getByText(
        /Table sales.daily_orders · newest 2 of 30 commits/,
      ),
    ).toBeInTheDocument();
    expect(
      within(runItem('prod', '1039')).getByText(
        '+5,000 / -0 records, +3 / -0 files',
      ),
    ).toBeInTheDocument();
    expect(
      within(runItem('prod', '1038')).getByText('no figures recorded'),
    ).toBeInTheDocument();
    expect(
      within(prod).queryByRole('img', { name: /Run durations/ }),
    ).toBeNull();
    expect(within(prod).queryByText(/SLA/)).toBeNull();
  });
});

describe('run helpers', () => {
  it('orders chart rows by start and leaves out runs without a duration', () => {
    const rows = durationRows(data([...prodRuns, run({ id: 'queued' })]));
    expect(rows.map(r => r.minutes)).toEqual([25, 76.5]);
  });

  it('has no logs window for a run that never started, and no SLA text without an SLA', () => {
    expect(
      logsQueryForRun({ env: 'prod', run: run({}), nowMs: 0 }),
    ).toBeUndefined();
    expect(durationText(run({ durationSeconds: 90 }))).toBe('1 min');
  });

  it('applies to DAG entities and entities naming a DAG only', () => {
    expect(isDataOpsRunsAvailable(pipeline)).toBe(true);
    expect(
      isDataOpsRunsAvailable({
        ...pipeline,
        metadata: { name: 'x', annotations: {} },
      }),
    ).toBe(true);
    expect(isDataOpsRunsAvailable(sparkJob)).toBe(true);
    expect(isDataOpsRunsAvailable(plainService)).toBe(false);
    expect(isDataOpsRunsAvailable(icebergTable)).toBe(true);
    expect(
      isDataOpsRunsAvailable({
        ...plainService,
        metadata: {
          name: 'y',
          annotations: { 'dataops.io/airflow-dag-id.prod': 'y' },
        },
      }),
    ).toBe(true);
  });
});

describe('RunsTab', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('loads the runs view of the entity for the selected range and jumps to the Logs tab', async () => {
    const calls: URL[] = [];
    server.use(
      http.get(
        `${TEST_BASE_URL}/v1/entity/default/component/sales-daily-pipeline/runs`,
        ({ request }) => {
          calls.push(new URL(request.url));
          return HttpResponse.json(response);
        },
      ),
      http.get(`${TEST_BASE_URL}/v1/environments`, () =>
        HttpResponse.json({ environments: [] }),
      ),
    );
    await renderWithEntity(<RunsTab />, {
      entity: pipeline,
      route:
        '/catalog/default/component/sales-daily-pipeline/dataops-runs?range=24h',
      showLocation: true,
    });
    const failed = await screen.findByRole('listitem', {
      name: `Run ${FAILED_ID}`,
    });
    expect(calls[0].searchParams.get('from')).toBe('now-24h');
    await userEvent.click(
      within(failed).getByRole('link', { name: 'Logs of this run' }),
    );
    const location = screen.getByTestId('location').textContent!;
    expect(location).toContain(
      '/catalog/default/component/sales-daily-pipeline/dataops-logs?',
    );
    expect(location).toContain('from=2026-12-05T09%3A59%3A30.000Z');
    expect(location).toContain('env=stage');
  });

  it('names the annotation to add when the entity has no DAG', async () => {
    await renderWithEntity(<RunsTab />, { entity: plainService });
    expect(
      (await screen.findAllByText(/dataops.io\/airflow-dag-id/)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByRole('listitem')).toBeNull();
  });
});
