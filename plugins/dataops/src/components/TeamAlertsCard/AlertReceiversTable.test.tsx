import { screen, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import type { TeamAlertReceiversResponse } from '@dataops-observability/plugin-dataops-common';
import { DataOpsApi, dataOpsApiRef } from '../../api';
import { EntityDataOpsTeamAlertsCard } from './EntityDataOpsTeamAlertsCard';
import {
  incidentsResponse,
  salesGroup,
  teamAlertsResponse,
} from '../../__testUtils__/teamFixtures';

const pager = { kind: 'pagerduty' as const, target: 'data-oncall' };
const chat = { kind: 'slack' as const, target: '#data-alerts' };
const devChat = { kind: 'slack' as const, target: '#data-dev' };

const receivers: TeamAlertReceiversResponse = {
  owner: 'group:default/sales-data',
  environments: ['dev', 'prod'],
  pagingEnvironments: ['prod'],
  routes: [
    ...(['P1', 'P2', 'P3', 'P4'] as const).map(priority => ({
      env: 'dev',
      priority,
      targets: [devChat],
      receiver: 'slack:#data-dev',
      source: 'inherited' as const,
      from: 'group:default/data-platform',
      scope: 'dev',
    })),
    {
      env: 'prod',
      priority: 'P1',
      targets: [pager, chat],
      receiver: 'pagerduty:data-oncall+slack:#data-alerts',
      source: 'own',
      from: 'group:default/sales-data',
      scope: 'P1',
    },
    {
      env: 'prod',
      priority: 'P2',
      targets: [chat],
      receiver: 'slack:#data-alerts',
      source: 'default',
      scope: 'P2',
    },
    {
      env: 'prod',
      priority: 'P3',
      targets: [chat],
      receiver: 'slack:#data-alerts',
      source: 'inherited',
      scope: 'P1',
      borrowed: true,
      pagerDropped: true,
    },
    {
      env: 'prod',
      priority: 'P4',
      targets: [],
      receiver: 'group:default/sales-data',
      source: 'placeholder',
    },
  ],
};

function fakeApi(overrides: Partial<DataOpsApi> = {}): DataOpsApi {
  return {
    getEntityView: jest.fn(),
    getLogs: jest.fn(),
    getEnvironments: jest.fn(),
    getTeamAlerts: jest.fn(async () => teamAlertsResponse),
    getIncidents: jest.fn(async () => incidentsResponse),
    getAlertRouting: jest.fn(async () => 'route: {}\n'),
    getInventory: jest.fn(),
    getTeamAlertReceivers: jest.fn(async () => receivers),
    ...overrides,
  } as DataOpsApi;
}

const render = (api: DataOpsApi) =>
  renderInTestApp(
    <TestApiProvider apis={[[dataOpsApiRef, api]]}>
      <EntityProvider entity={salesGroup}>
        <EntityDataOpsTeamAlertsCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );

describe('Where alerts go, on the team card', () => {
  it('shows the channels per environment and priority, and where each came from', async () => {
    const api = fakeApi();
    await render(api);
    const table = await screen.findByRole('table', { name: 'Where alerts go' });
    expect(api.getTeamAlertReceivers).toHaveBeenCalledWith(
      'group:default/sales-data',
    );
    const rows = within(table).getAllByRole('row');
    const dev = within(rows[1]);
    expect(dev.getByText('dev')).toBeInTheDocument();
    expect(dev.getAllByText('slack:#data-dev')).toHaveLength(4);
    expect(
      dev.getAllByText('inherited from group:default/data-platform'),
    ).toHaveLength(4);
    const prod = within(rows[2]);
    expect(prod.getByText('prod (pages)')).toBeInTheDocument();
    expect(
      prod.getByText('pagerduty:data-oncall, slack:#data-alerts'),
    ).toBeInTheDocument();
    expect(prod.getByText('configured default')).toBeInTheDocument();
    expect(
      prod.getByText('inherited from a parent group, as P1, no paging here'),
    ).toBeInTheDocument();
    expect(prod.getByText('not set')).toBeInTheDocument();
    expect(
      prod.getByText('nowhere configured: placeholder'),
    ).toBeInTheDocument();
  });

  it('shows a failed request as an error and keeps the rest of the card', async () => {
    await render(
      fakeApi({
        getTeamAlertReceivers: jest.fn(async () => {
          throw new Error('receivers unavailable');
        }),
      }),
    );
    expect(
      (await screen.findAllByText(/receivers unavailable/)).length,
    ).toBeGreaterThan(0);
    expect(screen.getByText('Where alerts go')).toBeInTheDocument();
  });
});
