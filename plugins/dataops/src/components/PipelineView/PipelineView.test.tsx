import { render, screen, within } from '@testing-library/react';
import { ThemeProvider } from '@material-ui/core/styles';
import { darkTheme, lightTheme } from '@backstage/theme';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { registerMswTestHooks } from '@backstage/test-utils';
import type { PipelineResponse } from '@dataops-observability/plugin-dataops-common';
import { plainService, sparkJob } from '../../__testUtils__/fixtures';
import {
  renderWithEntity,
  TEST_BASE_URL,
} from '../../__testUtils__/renderWithEntity';
import { levelColours } from '../shared';
import { EntityDataOpsPipelineCard } from './EntityDataOpsPipelineCard';
import { PipelineChart, formatAge } from './PipelineChart';

const DAG = 'component:default/sales-daily-pipeline';
const JOB = 'component:default/daily-sales-etl';
const TABLE = 'resource:default/sales-daily-orders';
const SENTENCE =
  'sales.daily_orders is stale because sales-daily-pipeline failed in prod at 03:12 UTC';

const cell = (env: string, level: any, word: string, reason = 'fine') => ({
  env,
  level,
  word,
  reason,
});

const brokenPipeline: PipelineResponse = {
  entityRef: JOB,
  environments: ['dev', 'prod'],
  steps: [
    {
      entityRef: DAG,
      title: 'sales-daily-pipeline',
      type: 'airflow-dag',
      order: 0,
      depth: 0,
      inCycle: false,
      cells: [
        cell('dev', 'healthy', 'Healthy'),
        cell('prod', 'critical', 'Critical', 'runs: last run failed'),
      ],
      pending: [],
    },
    {
      entityRef: JOB,
      title: 'daily-sales-etl',
      type: 'spark-job',
      order: 1,
      depth: 1,
      inCycle: false,
      cells: [
        cell('dev', 'healthy', 'Healthy'),
        cell('prod', 'critical', 'Critical'),
      ],
      pending: [],
    },
    {
      entityRef: TABLE,
      title: 'sales.daily_orders',
      type: 'iceberg-table',
      tableName: 'sales.daily_orders',
      order: 2,
      depth: 2,
      inCycle: false,
      cells: [cell('dev', 'healthy', 'Healthy')],
      pending: ['prod'],
    },
  ],
  edges: [
    { from: DAG, to: JOB },
    { from: JOB, to: TABLE },
  ],
  firstBroken: [
    {
      env: 'prod',
      entityRef: DAG,
      level: 'critical',
      reason: 'runs: last run failed',
      failedAt: '2026-12-06T03:12:00Z',
      affects: [TABLE],
      sentence: SENTENCE,
    },
  ],
  freshness: [
    {
      entityRef: TABLE,
      env: 'dev',
      ageSeconds: 600,
      targetSeconds: 3600,
      level: 'healthy',
      source: 'runs',
    },
    {
      entityRef: TABLE,
      env: 'prod',
      ageSeconds: 3 * 3600 + 300,
      targetSeconds: 3600,
      level: 'critical',
      source: 'runs',
    },
  ],
  freshnessTargetSeconds: 3600,
  truncated: false,
  hasCycle: false,
};

const server = setupServer();

describe('EntityDataOpsPipelineCard', () => {
  registerMswTestHooks(server);

  it('draws the chain upstream-first, outlines the first broken step and puts its sentence on top', async () => {
    server.use(
      http.get(
        `${TEST_BASE_URL}/v1/pipeline/default/component/daily-sales-etl`,
        () => HttpResponse.json(brokenPipeline),
      ),
    );
    await renderWithEntity(<EntityDataOpsPipelineCard />, { entity: sparkJob });
    expect(await screen.findByRole('alert')).toHaveTextContent(SENTENCE);
    const steps = within(screen.getByRole('list', { name: 'pipeline steps' }))
      .getAllByRole('region')
      .map(s => s.getAttribute('aria-label'));
    expect(steps).toEqual([
      'sales-daily-pipeline',
      'daily-sales-etl',
      'sales.daily_orders',
    ]);
    const dag = screen.getByTestId(`pipeline-step-${DAG}`);
    expect(dag).toHaveAttribute('data-first-broken', 'true');
    expect(dag).toHaveTextContent('First broken step in prod');
    expect(within(dag).getByText('prod Critical')).toHaveAttribute(
      'data-level',
      'critical',
    );
    const job = screen.getByTestId(`pipeline-step-${JOB}`);
    expect(job).toHaveAttribute('data-first-broken', 'false');
    expect(job).not.toHaveTextContent('First broken step');
    const table = screen.getByTestId(`pipeline-step-${TABLE}`);
    expect(within(table).getByText('prod …')).toBeInTheDocument();
    const freshness = within(table).getByRole('list', {
      name: 'freshness of sales.daily_orders',
    });
    expect(freshness).toHaveTextContent(
      'last commit 3 h 5 min ago (target 1 h)',
    );
    expect(within(freshness).getByText('prod Critical')).toHaveAttribute(
      'data-level',
      'critical',
    );
  });

  it('asks again while steps are pending, keeping the chain on screen', async () => {
    const pending = {
      ...brokenPipeline,
      firstBroken: [],
      steps: brokenPipeline.steps.map(step => ({
        ...step,
        cells: [],
        pending: ['dev', 'prod'],
      })),
    };
    let calls = 0;
    server.use(
      http.get(
        `${TEST_BASE_URL}/v1/pipeline/default/component/daily-sales-etl`,
        () => HttpResponse.json(++calls === 1 ? pending : brokenPipeline),
      ),
    );
    await renderWithEntity(<EntityDataOpsPipelineCard />, { entity: sparkJob });
    expect(await screen.findByTestId(`pipeline-step-${DAG}`)).toHaveTextContent(
      'prod …',
    );
    expect(
      await screen.findByRole('alert', {}, { timeout: 8000 }),
    ).toHaveTextContent(SENTENCE);
    expect(calls).toBe(2);
  }, 15_000);

  it('shows a failing request as an error panel', async () => {
    server.use(
      http.get(
        `${TEST_BASE_URL}/v1/pipeline/default/component/daily-sales-etl`,
        () =>
          HttpResponse.json(
            { error: { name: 'Error', message: 'boom' } },
            { status: 500 },
          ),
      ),
    );
    await renderWithEntity(<EntityDataOpsPipelineCard />, { entity: sparkJob });
    expect((await screen.findAllByText(/boom/)).length).toBeGreaterThan(0);
  });

  it('does not ask for entities outside the suite', async () => {
    await renderWithEntity(<EntityDataOpsPipelineCard />, {
      entity: plainService,
    });
    expect(
      screen.getByText(/does not apply to this entity/),
    ).toBeInTheDocument();
  });
});

describe.each([
  ['light', lightTheme],
  ['dark', darkTheme],
] as const)('PipelineChart in the %s theme', (_name, theme) => {
  it("outlines the broken step and its sentence in the theme's critical colour", () => {
    render(
      <ThemeProvider theme={theme}>
        <PipelineChart pipeline={brokenPipeline} />
      </ThemeProvider>,
    );
    const line = levelColours(theme, 'critical').line;
    expect(screen.getByTestId(`pipeline-step-${DAG}`)).toHaveStyle({
      borderColor: line,
    });
    expect(screen.getByRole('alert')).toHaveStyle({ borderLeftColor: line });
  });
});

describe('PipelineChart', () => {
  it('says when nothing is linked', () => {
    render(
      <PipelineChart
        pipeline={{ ...brokenPipeline, steps: [], edges: [], firstBroken: [] }}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent(/No Airflow DAG/);
  });

  it('notes a cut list and a cycle', () => {
    render(
      <PipelineChart
        pipeline={{ ...brokenPipeline, truncated: true, hasCycle: true }}
      />,
    );
    expect(screen.getByText(/Only the first 3 steps/)).toBeInTheDocument();
    expect(screen.getByText(/in a cycle/)).toBeInTheDocument();
  });

  it('formats ages', () => {
    expect(formatAge(40 * 60)).toBe('40 min');
    expect(formatAge(7200)).toBe('2 h');
  });
});
