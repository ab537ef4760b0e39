import { screen, within } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { registerMswTestHooks, renderInTestApp } from '@backstage/test-utils';
import { AlertList } from './AlertList';
import { EntityDataOpsAlertsCard } from './EntityDataOpsAlertsCard';
import {
  alertsResponse,
  plainService,
  sparkJob,
} from '../../__testUtils__/fixtures';
import {
  renderWithEntity,
  TEST_BASE_URL,
} from '../../__testUtils__/renderWithEntity';

const server = setupServer();

describe('AlertList', () => {
  it('groups by priority, P1 first, and labels silenced and inhibited alerts', async () => {
    await renderInTestApp(
      <AlertList environments={alertsResponse.environments} />,
    );
    const groups = screen
      .getAllByRole('listitem')
      .filter(li => li.querySelector('ul'));
    expect(groups.map(g => g.querySelector('li')?.textContent)).toEqual([
      'P1 critical (1)',
      'P3 medium (2)',
    ]);
    const silenced = screen.getByTestId('alert-a2');
    expect(within(silenced).getByText('Silenced')).toBeInTheDocument();
    expect(within(silenced).getByText('dev')).toBeInTheDocument();
    expect(
      within(screen.getByTestId('alert-a3')).getByText('Inhibited'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByTestId('alert-a1')).queryByText('Silenced'),
    ).toBeNull();
    expect(
      screen.getByText(/alertmanager is not configured for prod/),
    ).toBeInTheDocument();
  });

  it('says when nothing fires', async () => {
    await renderInTestApp(
      <AlertList
        environments={[{ env: 'dev', status: 'ok', data: { alerts: [] } }]}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('No active alerts.');
  });
});

describe('EntityDataOpsAlertsCard', () => {
  registerMswTestHooks(server);

  it('loads the alerts view of the entity', async () => {
    server.use(
      http.get(
        `${TEST_BASE_URL}/v1/entity/default/component/daily-sales-etl/alerts`,
        () => HttpResponse.json(alertsResponse),
      ),
    );
    await renderWithEntity(<EntityDataOpsAlertsCard />, { entity: sparkJob });
    expect(
      await screen.findByText('SparkJobFailureRateHigh'),
    ).toBeInTheDocument();
    expect(screen.getByText('Active alerts')).toBeInTheDocument();
  });

  it('shows a failing request as an error panel', async () => {
    server.use(
      http.get(
        `${TEST_BASE_URL}/v1/entity/default/component/daily-sales-etl/alerts`,
        () =>
          HttpResponse.json(
            { error: { name: 'Error', message: 'boom' } },
            { status: 500 },
          ),
      ),
    );
    await renderWithEntity(<EntityDataOpsAlertsCard />, { entity: sparkJob });
    expect((await screen.findAllByText(/boom/)).length).toBeGreaterThan(0);
  });

  it('does not query for entities outside the suite', async () => {
    await renderWithEntity(<EntityDataOpsAlertsCard />, {
      entity: plainService,
    });
    expect(
      screen.getByText(/does not apply to this entity/),
    ).toBeInTheDocument();
  });
});
