import { screen, within } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { registerMswTestHooks, renderInTestApp } from '@backstage/test-utils';
import { lightTheme } from '@backstage/theme';
import { alpha } from '@material-ui/core/styles';
import { SloTab, SloView } from './SloTab';
import { BurndownChart, burndownStyle, burndownRows } from './BurndownChart';
import {
  burningSlo,
  healthySlo,
  SLO_END,
  sloResponse,
} from '../../__testUtils__/sloFixtures';
import {
  icebergTable,
  plainService,
  sparkJob,
} from '../../__testUtils__/fixtures';
import {
  renderWithEntity,
  TEST_BASE_URL,
} from '../../__testUtils__/renderWithEntity';

const server = setupServer();
const SLO_URL = `${TEST_BASE_URL}/v1/entity/default/component/daily-sales-etl/slo`;

describe('SloView', () => {
  it('shows each environment side by side, one failing while the others render', async () => {
    await renderInTestApp(<SloView response={sloResponse} />);

    const prod = screen.getByRole('region', { name: 'Environment prod' });
    expect(within(prod).getByText('Critical')).toBeInTheDocument();
    expect(within(prod).getByTestId('sli')).toHaveTextContent('SLI 99.917%');
    expect(
      // 83% of the budget is gone, yet the period's SLI still meets the objective.
      within(prod).getByText('Meets the objective of 99.9%'),
    ).toBeInTheDocument();
    expect(within(prod).getByTestId('budget-minutes')).toHaveTextContent(
      '7.2 min of 43.2 min left',
    );
    expect(
      within(prod).getByRole('group', { name: 'Remaining error budget' }),
    ).toHaveTextContent('17%');
    expect(within(prod).getByTestId('exhaustion')).toHaveTextContent(
      'At the current burn rate the budget runs out in 2 h 24 min.',
    );
    expect(
      within(prod).getByRole('alert', { name: 'P1 SloErrorBudgetFastBurn' }),
    ).toHaveTextContent(
      'P1 SloErrorBudgetFastBurn: burn rate 50 over 1h and 50 over 5m, both above 36.',
    );
    expect(
      within(prod).getByRole('alert', { name: 'P2 SloErrorBudgetSlowBurn' }),
    ).toHaveTextContent(
      'burn rate 13.3 over 6h and 50 over 30m, both above 12',
    );
    expect(
      within(prod).getByRole('img', {
        name: /Error budget burndown over 30d: 16.7% left/,
      }),
    ).toBeInTheDocument();

    const stage = screen.getByRole('region', { name: 'Environment stage' });
    expect(within(stage).getByText('Healthy')).toBeInTheDocument();
    expect(
      within(stage).getByText('Meets the objective of 99%'),
    ).toBeInTheDocument();
    expect(within(stage).getByTestId('budget-minutes')).toHaveTextContent(
      '391.5 min of 432 min left',
    );
    expect(
      within(stage).getByText('No burn-rate alert is firing.'),
    ).toBeInTheDocument();

    const dev = screen.getByRole('region', { name: 'Environment dev' });
    expect(within(dev).getByText('Unknown')).toBeInTheDocument();
    expect(within(dev).getByText('No traffic')).toBeInTheDocument();
    expect(dev).toHaveTextContent('That is not the same as 100%.');
    expect(within(dev).queryByTestId('sli')).toBeNull();
    expect(dev).not.toHaveTextContent('NaN');

    const qa = screen.getByRole('region', { name: 'Environment qa' });
    expect(within(qa).getByRole('alert')).toHaveTextContent(
      'thanos in qa timed outThanos querier did not answer within 10 s',
    );

    expect(
      screen.getByRole('region', { name: 'What these numbers mean' }),
    ).toHaveTextContent('36 spends 5% of a 30-day budget in one hour');
  });

  it('highlights the windows of firing alerts in colour and in words', async () => {
    await renderInTestApp(
      <SloView
        response={{
          entityRef: 'x',
          environments: [{ env: 'prod', status: 'ok', data: burningSlo }],
        }}
      />,
    );
    const table = screen.getByRole('table', { name: 'Burn rates per window' });
    const row = (window: string) =>
      table.querySelector(`tr[data-window="${window}"]`) as HTMLElement;
    expect(row('1h')).toHaveAttribute('data-firing', 'true');
    expect(row('1h')).toHaveTextContent('Firing: P1 (above 36)');
    expect(row('1h')).toHaveStyle({
      backgroundColor: alpha(lightTheme.palette.status.error, 0.14),
    });
    expect(row('5m')).toHaveTextContent('Firing: P1 (above 36)');
    expect(row('6h')).toHaveTextContent('Firing: P2 (above 12)');
    expect(row('2h')).toHaveAttribute('data-firing', 'false');
    expect(row('2h')).toHaveTextContent('OK');
    // 50 x 1 h / 720 h of budget spent in the hour
    expect(row('1h')).toHaveTextContent('6.94%');
  });

  it('says when one window is above a threshold without the alert firing', async () => {
    const data = {
      ...healthySlo,
      burnRates: healthySlo.burnRates.map(b =>
        b.window === '5m' ? { ...b, rate: 40 } : b,
      ),
      alerts: healthySlo.alerts.map(a =>
        a.priority === 'P1' ? { ...a, shortRate: 40 } : a,
      ),
    };
    await renderInTestApp(
      <SloView
        response={{
          entityRef: 'x',
          environments: [{ env: 'stage', status: 'ok', data }],
        }}
      />,
    );
    const table = screen.getByRole('table', { name: 'Burn rates per window' });
    expect(table.querySelector('tr[data-window="5m"]')).toHaveTextContent(
      'Above the P1 threshold 36, but its paired window is not: no alert',
    );
  });

  it('reports counters that are not collected and an exhausted budget', async () => {
    await renderInTestApp(
      <SloView
        response={{
          entityRef: 'x',
          environments: [
            {
              env: 'dev',
              status: 'ok',
              data: {
                ...burningSlo,
                sli: null,
                state: 'not-collected',
                stateReason:
                  'Not collected: spark_app_runs_total has no series for this entity in this environment.',
                level: 'unknown',
              },
            },
            {
              env: 'prod',
              status: 'ok',
              data: {
                ...burningSlo,
                errorBudget: {
                  ...burningSlo.errorBudget,
                  remainingFraction: -0.5,
                  remainingMinutes: -21.6,
                  exhaustionHours: 0,
                },
              },
            },
          ],
        }}
      />,
    );
    const dev = screen.getByRole('region', { name: 'Environment dev' });
    expect(dev).toHaveTextContent(
      'Not collected: spark_app_runs_total has no series for this entity in this environment.',
    );
    const prod = screen.getByRole('region', { name: 'Environment prod' });
    expect(within(prod).getByTestId('budget-minutes')).toHaveTextContent(
      'Budget exhausted: 21.6 min over the 43.2 min allowed',
    );
    expect(within(prod).getByTestId('exhaustion')).toHaveTextContent(
      'The error budget of this period is spent.',
    );
  });

  it('lines the ideal burndown up with the actual one', () => {
    const rows = burndownRows(burningSlo, SLO_END);
    expect(rows[0]).toEqual({ t: (SLO_END - 30 * 86400) * 1000, ideal: 1 });
    expect(rows[rows.length - 1]).toEqual({
      t: SLO_END * 1000,
      ideal: 0,
      actual: 1 / 6,
    });
    expect(rows.filter(r => r.actual !== undefined)).toHaveLength(4);
  });
});

describe('BurndownChart', () => {
  const DAY_S = 86400;
  // stage sales-daily-pipeline in the demo: healthy for four weeks, then a bad day overspends the budget.
  const overspent = {
    ...burningSlo,
    evaluatedAt: SLO_END,
    burndown: Array.from({ length: 30 }, (_, i): [number, number] => [
      SLO_END - (29 - i) * DAY_S,
      i < 29 ? 1 - i * 0.01 : -1.87,
    ]),
  };

  const tickLabels = (container: HTMLElement) =>
    Array.from(
      container.querySelectorAll(
        '.recharts-yAxis .recharts-cartesian-axis-tick-value',
      ),
    ).map(t => t.textContent);

  it('labels a budget that went negative with monotonic, signed percentages', async () => {
    const { container } = await renderInTestApp(
      <BurndownChart data={overspent} />,
    );
    expect(tickLabels(container)).toEqual(['-200%', '-100%', '0%', '100%']);
  });

  it('labels a healthy budget from 0% to 100%', async () => {
    const { container } = await renderInTestApp(
      <BurndownChart
        data={{ ...overspent, burndown: overspent.burndown.slice(0, 29) }}
      />,
    );
    expect(tickLabels(container)).toEqual([
      '0%',
      '20%',
      '40%',
      '60%',
      '80%',
      '100%',
    ]);
  });

  it('draws the ideal line dashed, in its own colour, over the actual line', async () => {
    const { container } = await renderInTestApp(
      <BurndownChart data={overspent} />,
    );
    const lines = Array.from(
      container.querySelectorAll('path.recharts-line-curve'),
    );
    expect(lines).toHaveLength(2);
    const [actual, ideal] = lines;
    // renderInTestApp renders with Backstage's light theme.
    const BURNDOWN_STYLE = burndownStyle(lightTheme);
    expect(actual.getAttribute('stroke')).toBe(BURNDOWN_STYLE.actual.stroke);
    expect(ideal.getAttribute('stroke')).toBe(BURNDOWN_STYLE.ideal.stroke);
    expect(ideal.getAttribute('stroke')).not.toBe(
      actual.getAttribute('stroke'),
    );
    expect(ideal.getAttribute('stroke-dasharray')).toBe(
      BURNDOWN_STYLE.ideal.strokeDasharray,
    );
    expect(actual.getAttribute('stroke-dasharray')).toBeNull();
  });
});

describe('SloTab', () => {
  registerMswTestHooks(server);

  it('shows progress while loading, then the environments', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>(r => {
      release = r;
    });
    server.use(
      http.get(SLO_URL, async () => {
        await gate;
        return HttpResponse.json(sloResponse);
      }),
    );
    await renderWithEntity(<SloTab />, { entity: sparkJob });
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    release();
    expect(
      await screen.findByRole('region', { name: 'Environment prod' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Time range' })).toBeNull();
  });

  it('shows a failed request as an error panel', async () => {
    server.use(
      http.get(SLO_URL, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message:
                "Bad annotation dataops.io/slo-objective: Invalid SLO objective 'abc'",
            },
          },
          { status: 400 },
        ),
      ),
    );
    await renderWithEntity(<SloTab />, { entity: sparkJob });
    expect(
      (
        await screen.findAllByText(/Bad annotation dataops.io\/slo-objective/)
      )[0],
    ).toHaveTextContent('Request failed with 400');
  });

  it('names the objective annotation on an entity the SLO does not apply to', async () => {
    await renderWithEntity(<SloTab />, { entity: plainService });
    expect(
      screen.getByText('dataops.io/slo-objective', { selector: 'code' }),
    ).toBeInTheDocument();
  });

  it('applies to an Iceberg table without any SLO annotation', async () => {
    server.use(
      http.get(
        `${TEST_BASE_URL}/v1/entity/default/resource/sales-daily-orders/slo`,
        () => HttpResponse.json(sloResponse),
      ),
    );
    await renderWithEntity(<SloTab />, { entity: icebergTable });
    expect(
      await screen.findByRole('region', { name: 'Environment stage' }),
    ).toBeInTheDocument();
  });
});
