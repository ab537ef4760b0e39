import { screen, waitFor, within } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import type { TeamReportResponse } from '@dataops-observability/plugin-dataops-common';
import { DataOpsApi, DataOpsClient, dataOpsApiRef } from '../../api';
import { salesGroup } from '../../__testUtils__/teamFixtures';
import { sparkJob } from '../../__testUtils__/fixtures';
import { FleetPage } from '../FleetPage';
import { EntityDataOpsTeamReportCard } from './TeamReport';
import { trendText } from './TeamReportView';

const report = (
  overrides: Partial<TeamReportResponse> = {},
): TeamReportResponse => ({
  owner: 'group:default/sales-data',
  groups: ['group:default/sales-data'],
  window: {
    from: '2026-11-05T00:00:00.000Z',
    to: '2026-12-05T00:00:00.000Z',
    days: 30,
  },
  previousWindow: {
    from: '2026-10-06T00:00:00.000Z',
    to: '2026-11-05T00:00:00.000Z',
  },
  environments: ['dev', 'prod'],
  budgets: [
    {
      entityRef: 'component:default/daily-sales-etl',
      title: 'daily-sales-etl',
      type: 'spark-job',
      cells: [
        {
          env: 'dev',
          state: 'ok',
          remainingFraction: 0.82,
          level: 'healthy',
          word: 'Healthy',
          reason: '82% of the error budget left',
        },
        {
          env: 'prod',
          state: 'ok',
          remainingFraction: -0.1,
          level: 'critical',
          word: 'Exhausted',
          reason: 'error budget exhausted',
        },
      ],
    },
    {
      entityRef: 'resource:default/sales-orders',
      title: 'sales-orders',
      cells: [
        {
          env: 'dev',
          state: 'no-slo',
          level: 'unknown',
          word: 'No SLO',
          reason: 'no SLI template',
        },
        {
          env: 'prod',
          state: 'pending',
          level: 'unknown',
          word: 'Pending',
          reason: 'still computing',
        },
      ],
    },
  ],
  budgetsTruncated: false,
  incidents: { current: 12, previous: 8, delta: 4, open: 1 },
  mttr: {
    seconds: 1200,
    previousSeconds: 1800,
    deltaSeconds: -600,
    targetSeconds: 1800,
    verdict: 'met',
    count: 11,
  },
  mttd: {
    seconds: 480,
    previousSeconds: 360,
    deltaSeconds: 120,
    targetSeconds: 300,
    verdict: 'missed',
    count: 6,
    notMeasurable: 3,
    notMeasurableReasons: [{ reason: 'the entity has no SLI', count: 3 }],
    notMeasured: 3,
    maxMeasured: 25,
  },
  noisiestAlerts: [
    {
      alertname: 'SparkJobFailing',
      episodes: 7,
      firingSeconds: 5400,
      entities: 2,
    },
    { alertname: 'SloFastBurn', episodes: 1, firingSeconds: 600, entities: 1 },
  ],
  ...overrides,
});

const noPending = (r: TeamReportResponse): TeamReportResponse => ({
  ...r,
  budgets: r.budgets.map(b => ({
    ...b,
    cells: b.cells.map(c =>
      c.state === 'pending'
        ? { ...c, state: 'error', word: 'Unknown', reason: 'thanos: down' }
        : c,
    ),
  })),
});

function fakeApi(getTeamReport: DataOpsApi['getTeamReport']): DataOpsApi {
  return {
    getEntityView: jest.fn(),
    getLogs: jest.fn(),
    getEnvironments: jest.fn(),
    getTeamAlerts: jest.fn(),
    getIncidents: jest.fn(),
    getAlertRouting: jest.fn(),
    getInventory: jest.fn(),
    getTeamReport,
  };
}

function render(api: DataOpsApi, entity: Entity = salesGroup) {
  return renderInTestApp(
    <TestApiProvider apis={[[dataOpsApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityDataOpsTeamReportCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('EntityDataOpsTeamReportCard', () => {
  it('shows the figures with targets, verdicts and trends, the budget grid and the noisiest alerts', async () => {
    const get = jest.fn(async () => noPending(report()));
    await render(fakeApi(get));
    expect(await screen.findByText('Team report, last 30 days')).toBeVisible();
    expect(get).toHaveBeenCalledWith(
      'group:default/sales-data',
      { days: 30 },
      expect.anything(),
    );

    const incidents = await screen.findByRole('group', {
      name: 'Incidents (30 d)',
    });
    expect(incidents).toHaveTextContent('12');
    expect(incidents).toHaveTextContent('↑ 4 vs previous 30 d (8)');
    expect(incidents).toHaveTextContent('1 still firing');

    const mttr = screen.getByRole('group', { name: 'Mean time to recover' });
    expect(mttr).toHaveTextContent('20 min');
    expect(mttr).toHaveTextContent('target < 30 min');
    expect(within(mttr).getByText('Met')).toHaveAttribute(
      'data-level',
      'healthy',
    );
    expect(mttr).toHaveTextContent('↓ 10 min vs previous 30 d');

    const mttd = screen.getByRole('group', { name: 'Mean time to detect' });
    expect(mttd).toHaveTextContent('8 min');
    expect(mttd).toHaveTextContent('target < 5 min');
    expect(
      within(mttd).getByText('Missed').closest('[data-level]'),
    ).toHaveAttribute('data-level', 'critical');
    expect(mttd).toHaveTextContent('↑ 2 min vs previous 30 d');
    expect(mttd).toHaveTextContent('measured for 6 of 12');
    expect(mttd).toHaveTextContent(
      '3 not measurable (3 the entity has no SLI)',
    );
    expect(mttd).toHaveTextContent(
      '3 older not measured: at most the newest 25 are',
    );

    const grid = screen.getByRole('table', { name: 'Error budget left' });
    expect(within(grid).getByText('82% Healthy')).toHaveAttribute(
      'data-level',
      'healthy',
    );
    expect(within(grid).getByText('-10% Exhausted')).toHaveAttribute(
      'data-level',
      'critical',
    );
    expect(within(grid).getByText('No SLO')).toBeInTheDocument();
    expect(
      within(grid).getByLabelText(
        'daily-sales-etl prod: -10% Exhausted, error budget exhausted',
      ),
    ).toBeInTheDocument();

    const noisy = screen.getByRole('list', { name: 'Noisiest alerts' });
    const items = within(noisy).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent(
      'SparkJobFailing: 7 episodes, firing 1 h 30 min on 2 entities',
    );
    expect(items[1]).toHaveTextContent('SloFastBurn: 1 episode, firing 10 min');
  });

  it('asks again while budget cells are pending, then stops', async () => {
    const get = jest
      .fn()
      .mockResolvedValueOnce(report())
      .mockResolvedValue(noPending(report()));
    await render(fakeApi(get));
    expect(await screen.findByText('Pending')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('Pending')).toBeNull(), {
      timeout: 6000,
    });
    expect(get).toHaveBeenCalledTimes(2);
  }, 10_000);

  it('says so when nothing is owned or nothing fired, and shows a failed request', async () => {
    const empty = report({
      budgets: [],
      noisiestAlerts: [],
      incidents: { current: 0, previous: 0, delta: 0, open: 0 },
    });
    await render(fakeApi(async () => empty));
    expect(
      await screen.findByText(
        'The team owns no annotated entities you can see.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No alerts fired in the last 30 days.'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('group', { name: 'Incidents (30 d)' }),
    ).toHaveTextContent('→ 0');
  });

  it('shows the error of a failed request', async () => {
    await render(
      fakeApi(async () => {
        throw new Error('Invalid days: must be between 1 and 90');
      }),
    );
    expect(
      (await screen.findAllByText(/must be between 1 and 90/))[0],
    ).toBeInTheDocument();
  });

  it('explains itself on entities that are not groups', async () => {
    const get = jest.fn();
    await render(fakeApi(get), sparkJob);
    expect(
      screen.getByText('The team report is shown on group pages.'),
    ).toBeInTheDocument();
    expect(get).not.toHaveBeenCalled();
  });
});

describe('team report around it', () => {
  it('writes trends as arrows with the size of the change', () => {
    expect(trendText(3)).toBe('↑ 3');
    expect(trendText(-2)).toBe('↓ 2');
    expect(trendText(0)).toBe('→ 0');
    expect(trendText(null)).toBe('—');
  });

  it('the client asks GET /v1/team-report with the owner and days', async () => {
    const fetch = jest.fn(
      async (_url: string) =>
        new Response(JSON.stringify(report()), { status: 200 }),
    );
    const client = new DataOpsClient({
      discoveryApi: { getBaseUrl: async () => 'http://backend/api/dataops' },
      fetchApi: { fetch: fetch as any },
    });
    const answer = await client.getTeamReport('group:default/sales-data', {
      days: 7,
    });
    expect(answer.owner).toBe('group:default/sales-data');
    expect(String(fetch.mock.calls[0][0])).toBe(
      'http://backend/api/dataops/v1/team-report?owner=group%3Adefault%2Fsales-data&days=7',
    );
  });

  it('the DataOps page shows the report of the selected owner above the fleet table', async () => {
    const get = jest.fn(async () => noPending(report()));
    const fleet = {
      environments: ['dev'],
      owners: ['group:default/sales-data'],
      counts: {},
      truncated: false,
      rows: [],
    };
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [dataOpsApiRef, fakeApi(get)],
          [
            fetchApiRef,
            {
              fetch: async () =>
                new Response(JSON.stringify(fleet), { status: 200 }),
            },
          ],
          [
            discoveryApiRef,
            { getBaseUrl: async () => 'http://backend/api/dataops' },
          ],
        ]}
      >
        <FleetPage />
      </TestApiProvider>,
      {
        routeEntries: ['/?owner=group:default/sales-data'],
        mountedRoutes: {
          '/catalog/:namespace/:kind/:name': entityRouteRef,
        },
      },
    );
    const section = await screen.findByRole('region', {
      name: 'Team report of group:default/sales-data',
    });
    expect(
      await within(section).findByRole('group', {
        name: 'Mean time to detect',
      }),
    ).toBeInTheDocument();
    expect(get).toHaveBeenCalledWith(
      'group:default/sales-data',
      { days: 30 },
      expect.anything(),
    );
  });
});
