import { screen, within } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { registerMswTestHooks, renderInTestApp } from '@backstage/test-utils';
import { DeploymentsTab, DeploymentsView } from './DeploymentsTab';
import { ApplicationCard } from './ApplicationCard';
import {
  deploymentsResponse,
  icebergTable,
  sparkJob,
} from '../../__testUtils__/fixtures';
import {
  renderWithEntity,
  TEST_BASE_URL,
} from '../../__testUtils__/renderWithEntity';

const server = setupServer();
const NOW = Date.parse('2026-11-22T10:00:00Z');

describe('DeploymentsView', () => {
  it('shows each environment side by side, with failures in their own column', async () => {
    await renderInTestApp(
      <DeploymentsView response={deploymentsResponse} nowMs={NOW} />,
    );
    const dev = screen.getByRole('region', { name: 'Environment dev' });
    expect(within(dev).getByText('Synced')).toBeInTheDocument();
    expect(within(dev).getAllByText('1a2b3c4d5e6f')).toHaveLength(2);
    expect(within(dev).getByText('0f9e8d7c6b5a')).toBeInTheDocument();
    expect(
      within(dev).getByRole('table', {
        name: 'Deployment history of daily-sales-etl',
      }),
    ).toBeInTheDocument();

    const stage = screen.getByRole('region', { name: 'Environment stage' });
    expect(within(stage).getByTestId('out-of-sync')).toHaveTextContent(
      'Out of sync for 12 min: past the 5 minute limit',
    );
    expect(
      within(stage).getByText('Failed: one or more objects failed to apply'),
    ).toBeInTheDocument();
    expect(
      within(stage).getByText(
        /argocd in stage-argocd-2 answered with an error \(HTTP 401\)/,
      ),
    ).toBeInTheDocument();

    const prod = screen.getByRole('region', { name: 'Environment prod' });
    expect(
      within(prod).getByText('argocd is not configured for prod.'),
    ).toBeInTheDocument();
  });

  it('flags out of sync as a warning only up to 5 minutes', async () => {
    const stage = deploymentsResponse.environments[1];
    const app = stage.status === 'ok' ? stage.data.applications[0] : undefined;
    await renderInTestApp(
      <ApplicationCard app={app!} nowMs={Date.parse('2026-11-22T09:52:00Z')} />,
    );
    const notice = screen.getByTestId('out-of-sync');
    expect(notice).toHaveTextContent('Out of sync for 4 min');
    expect(notice).not.toHaveTextContent('past the 5 minute limit');
  });
});

describe('DeploymentsTab', () => {
  registerMswTestHooks(server);

  it('loads the deployments view', async () => {
    server.use(
      http.get(
        `${TEST_BASE_URL}/v1/entity/default/component/daily-sales-etl/deployments`,
        () => HttpResponse.json(deploymentsResponse),
      ),
    );
    await renderWithEntity(<DeploymentsTab />, { entity: sparkJob });
    expect(
      await screen.findByText('one or more objects failed to apply', {
        exact: false,
      }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Time range' })).toBeNull();
  });

  it('names both Argo CD annotations when the entity has neither', async () => {
    await renderWithEntity(<DeploymentsTab />, { entity: icebergTable });
    expect(
      screen.getByText('argocd/app-name', { selector: 'code' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('argocd/app-selector', { selector: 'code' }),
    ).toBeInTheDocument();
  });
});
