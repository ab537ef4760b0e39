import { screen, waitFor } from '@testing-library/react';
import { Routes, Route, useLocation } from 'react-router-dom';
import userEvent from '@testing-library/user-event';
import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { FleetAnswer, FleetPage } from './FleetPage';

const answer = (pending: string[]): FleetAnswer => ({
  environments: ['dev', 'prod'],
  counts: { critical: 1, healthy: pending.length ? 2 : 3 },
  truncated: false,
  rows: [
    {
      entityRef: 'component:default/orders-etl',
      title: 'orders-etl',
      cells: [
        { env: 'dev', level: 'healthy', word: 'Healthy', reason: 'runs: fine' },
        ...(pending.length
          ? []
          : [
              {
                env: 'prod' as const,
                level: 'healthy' as const,
                word: 'Healthy',
                reason: 'ok',
              },
            ]),
      ],
      pending,
    },
    {
      entityRef: 'component:default/billing',
      title: 'billing',
      cells: [
        { env: 'dev', level: 'healthy', word: 'Healthy', reason: 'fine' },
        {
          env: 'prod',
          level: 'critical',
          word: 'Critical',
          reason: 'runs: last run failed',
        },
      ],
      pending: [],
    },
  ],
});

function Location() {
  const location = useLocation();
  return <div data-testid="search">{location.search}</div>;
}

function setup(answers: FleetAnswer[]) {
  const urls: string[] = [];
  const fetchApi = {
    fetch: jest.fn(async (input: RequestInfo | URL) => {
      const url = String(input);
      urls.push(url);
      const body = answers[Math.min(urls.length - 1, answers.length - 1)];
      return new Response(JSON.stringify(body), { status: 200 });
    }),
  };
  const discoveryApi = { getBaseUrl: async () => 'http://backend/api/dataops' };
  return { urls, fetchApi, discoveryApi };
}

describe('FleetPage', () => {
  it('shows counts, cells with word and reason, and links to the observability tab', async () => {
    const { fetchApi, discoveryApi } = setup([answer([])]);
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [fetchApiRef, fetchApi],
          [discoveryApiRef, discoveryApi],
        ]}
      >
        <FleetPage />
      </TestApiProvider>,
    );
    expect(await screen.findByText('1 critical')).toBeInTheDocument();
    expect(screen.getByText('3 healthy')).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Workloads by environment' }),
    ).toBeInTheDocument();
    const cell = screen.getByLabelText(
      'billing prod: Critical, runs: last run failed',
    );
    expect(cell).toHaveAttribute(
      'href',
      '/catalog/default/component/billing/observability',
    );
    expect(cell).toHaveTextContent('Critical');
  });

  it('shows pending cells as loading and asks again', async () => {
    jest.useFakeTimers({ advanceTimers: true });
    const { fetchApi, discoveryApi, urls } = setup([
      answer(['prod']),
      answer([]),
    ]);
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [fetchApiRef, fetchApi],
          [discoveryApiRef, discoveryApi],
        ]}
      >
        <FleetPage />
      </TestApiProvider>,
    );
    expect(await screen.findByText('loading')).toBeInTheDocument();
    jest.advanceTimersByTime(3500);
    await waitFor(() => expect(screen.queryByText('loading')).toBeNull());
    expect(urls).toHaveLength(2);
    jest.useRealTimers();
  });

  it('keeps filters in the URL and sends them to the backend', async () => {
    const { fetchApi, discoveryApi, urls } = setup([answer([])]);
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [fetchApiRef, fetchApi],
          [discoveryApiRef, discoveryApi],
        ]}
      >
        <Routes>
          <Route
            path="/*"
            element={
              <>
                <FleetPage />
                <Location />
              </>
            }
          />
        </Routes>
      </TestApiProvider>,
      { routeEntries: ['/?owner=group:default/team-a'] },
    );
    await screen.findByText('1 critical');
    expect(urls[0]).toContain('owner=group%3Adefault%2Fteam-a');
    await userEvent.type(screen.getByLabelText('type'), 'spark-job');
    await userEvent.tab();
    await waitFor(() =>
      expect(screen.getByTestId('search')).toHaveTextContent('type=spark-job'),
    );
    await waitFor(() =>
      expect(urls[urls.length - 1]).toContain('type=spark-job'),
    );
  });
});
