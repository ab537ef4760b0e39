import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { Entity } from '@backstage/catalog-model';
import {
  MockFetchApi,
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { DataOpsApi, DataOpsClient, dataOpsApiRef } from '../../api';
import { EntityDataOpsTeamAlertsCard } from './EntityDataOpsTeamAlertsCard';
import { EntityDataOpsTeamAlertsCard as LegacyTeamAlertsCard } from '../../plugin';
import {
  emptyIncidents,
  emptyTeamAlerts,
  incidentsResponse,
  salesGroup,
  teamAlertsResponse,
} from '../../__testUtils__/teamFixtures';
import { sparkJob } from '../../__testUtils__/fixtures';
import { TEST_BASE_URL } from '../../__testUtils__/renderWithEntity';

function fakeApi(overrides: Partial<DataOpsApi> = {}): DataOpsApi {
  return {
    getEntityView: jest.fn(),
    getLogs: jest.fn(),
    getEnvironments: jest.fn(),
    getTeamAlerts: jest.fn(async () => teamAlertsResponse),
    getIncidents: jest.fn(async () => incidentsResponse),
    getAlertRouting: jest.fn(async () => 'route: {}\n'),
    getInventory: jest.fn(),
    ...overrides,
  };
}

function render(api: DataOpsApi, entity: Entity = salesGroup) {
  return renderInTestApp(
    <TestApiProvider apis={[[dataOpsApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityDataOpsTeamAlertsCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

const never = () => new Promise<never>(() => {});

describe('EntityDataOpsTeamAlertsCard', () => {
  it('shows progress while both requests load', async () => {
    await render(fakeApi({ getTeamAlerts: never, getIncidents: never }));
    expect(screen.getByText('Team alerts & incidents')).toBeInTheDocument();
    expect(screen.getAllByTestId('progress')).toHaveLength(2);
  });

  it('shows a failed request as an error panel and keeps the other section', async () => {
    await render(
      fakeApi({
        getTeamAlerts: jest.fn(async () => {
          throw new Error('alerts backend down');
        }),
      }),
    );
    expect(
      (await screen.findAllByText(/alerts backend down/)).length,
    ).toBeGreaterThan(0);
    expect(
      await screen.findByRole('img', { name: /^Weekly incidents and MTTR/ }),
    ).toBeInTheDocument();
  });

  it('says when the team has no alerts and no incidents', async () => {
    await render(
      fakeApi({
        getTeamAlerts: jest.fn(async () => emptyTeamAlerts),
        getIncidents: jest.fn(async () => emptyIncidents),
      }),
    );
    expect(await screen.findByText('No active alerts.')).toBeInTheDocument();
    expect(
      await screen.findByText('No incidents in the last 30 days.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('lists alerts of several priorities, P1 first, linked to their entities, and nothing of other teams', async () => {
    const api = fakeApi();
    await render(api);
    expect(api.getTeamAlerts).toHaveBeenCalledWith('group:default/sales-data');
    const list = await screen.findByRole('list', { name: 'Active alerts' });
    const headers = within(list)
      .getAllByRole('listitem')
      .filter(li => li.querySelector('ul'))
      .map(g => g.querySelector('li')?.textContent);
    expect(headers).toEqual(['P1 critical (1)', 'P2 high (2)', 'P4 low (1)']);

    const p1 = screen.getByTestId('alert-t1');
    expect(within(p1).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/component/daily-sales-etl',
    );
    // The sub-group's alert carries no entityRef of its own; the entity it is filed under is used.
    expect(
      within(screen.getByTestId('alert-t3')).getByRole('link'),
    ).toHaveAttribute('href', '/catalog/default/resource/sales-daily-orders');
    expect(
      within(screen.getByTestId('alert-t2')).getByText('Silenced'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByTestId('alert-t4')).getByText('Inhibited'),
    ).toBeInTheDocument();
    expect(within(p1).queryByText('Silenced')).toBeNull();
    // Firing before muted within a priority.
    const p2Items = within(list).getAllByTestId(/^alert-t[34]$/);
    expect(p2Items.map(i => i.dataset.testid)).toEqual([
      'alert-t3',
      'alert-t4',
    ]);

    expect(screen.queryByTestId('alert-x9')).toBeNull();
    expect(screen.queryByText(/customer-360-builder/)).toBeNull();

    const counts = screen.getByLabelText('Alert counts');
    expect(within(counts).getByText('P1 critical: 1')).toBeInTheDocument();
    expect(within(counts).getByText('P2 high: 1')).toBeInTheDocument();
    expect(
      within(counts).getByText('2 silenced or inhibited'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/alertmanager in qa timed out/),
    ).toBeInTheDocument();
  });

  it('charts incidents per week with MTTR, and time firing by priority', async () => {
    const api = fakeApi();
    const { container } = await render(api);
    expect(api.getIncidents).toHaveBeenCalledWith('group:default/sales-data', {
      days: 30,
    });
    const trend = await screen.findByRole('img', {
      name: /^Weekly incidents and MTTR/,
    });
    expect(trend).toHaveAccessibleName(
      'Weekly incidents and MTTR: week of Oct 19: 0 incidents, MTTR n/a; ' +
        'week of Oct 26: 2 incidents, MTTR 10 min; week of Nov 2: 0 incidents, MTTR n/a; ' +
        'week of Nov 9: 1 incident, MTTR 1 h; week of Nov 16: 2 incidents, MTTR 45 min',
    );
    expect(
      screen.getByRole('img', { name: /^Time firing by priority/ }),
    ).toHaveAccessibleName(
      'Time firing by priority: P1 2 h; P2 30 min; P3 0 s; P4 10 min',
    );
    // Bars are drawn for the non-empty weeks and priorities, and the MTTR line is drawn.
    expect(trend.querySelectorAll('.recharts-bar-rectangle path').length).toBe(
      3,
    );
    expect(trend.querySelector('.recharts-line-curve')).not.toBeNull();
    expect(
      container.querySelectorAll('.recharts-bar-rectangle path').length,
    ).toBe(6);

    const figure = (name: string) =>
      screen.getByRole('group', { name }).querySelector('p')?.textContent;
    expect(figure('Incidents (30 d)')).toBe('5');
    expect(figure('Still firing')).toBe('1');
    expect(figure('Mean time to recover')).toBe('30 min');
    const most = screen.getByRole('list', { name: 'Most incidents' });
    const links = within(most).getAllByRole('link');
    expect(links.map(l => l.getAttribute('href'))).toEqual([
      '/catalog/default/component/daily-sales-etl',
      '/catalog/default/resource/sales-daily-orders',
    ]);
  });

  it('stays quiet on entities that are not groups', async () => {
    const api = fakeApi();
    await render(api, sparkJob);
    expect(
      screen.getByText('Team alerts are shown on group pages.'),
    ).toBeInTheDocument();
    expect(api.getTeamAlerts).not.toHaveBeenCalled();
    expect(api.getIncidents).not.toHaveBeenCalled();
  });
});

describe('Download Alertmanager routes', () => {
  const yaml = 'route:\n  receiver: dataops-unowned\n';
  let blobs: Blob[];
  let clicked: Array<{ href: string; download: string; attached: boolean }>;

  beforeEach(() => {
    blobs = [];
    clicked = [];
    // jsdom has no object URLs and cannot navigate; both are stood in for and observed.
    URL.createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return `blob:routes-${blobs.length}`;
    });
    URL.revokeObjectURL = jest.fn();
    jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function record(this: HTMLAnchorElement) {
        clicked.push({
          href: this.getAttribute('href') ?? '',
          download: this.download,
          attached: document.body.contains(this),
        });
      });
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('saves the routing tree as alertmanager-routes.yaml, showing progress meanwhile', async () => {
    let answer: (text: string) => void = () => {};
    const api = fakeApi({
      getAlertRouting: jest.fn(
        () => new Promise<string>(resolve => (answer = resolve)),
      ),
    });
    await render(api);
    const button = screen.getByRole('button', {
      name: 'Download Alertmanager routes',
    });
    await userEvent.click(button);
    expect(api.getAlertRouting).toHaveBeenCalledTimes(1);
    expect(
      screen.getByRole('progressbar', {
        name: 'Downloading Alertmanager routes',
      }),
    ).toBeInTheDocument();
    expect(button).toBeDisabled();
    expect(clicked).toHaveLength(0);

    answer(yaml);
    await waitFor(() => expect(button).toBeEnabled());
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(clicked).toEqual([
      {
        href: 'blob:routes-1',
        download: 'alertmanager-routes.yaml',
        attached: true,
      },
    ]);
    expect(blobs[0].type).toBe('text/yaml');
    expect(await blobs[0].text()).toBe(yaml);
    // The anchor is temporary and the object URL is freed.
    expect(document.querySelector('a[download]')).toBeNull();
    await waitFor(() =>
      expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:routes-1'),
    );
    expect(
      screen.queryByText(/Could not download the routing tree/),
    ).toBeNull();
  });

  it('shows why the download failed and saves nothing', async () => {
    const api = fakeApi({
      getAlertRouting: jest.fn(async () => {
        throw new Error('Request failed with 500 Internal Server Error');
      }),
    });
    await render(api);
    await userEvent.click(
      screen.getByRole('button', { name: 'Download Alertmanager routes' }),
    );
    const message = await screen.findByText(
      'Could not download the routing tree: Request failed with 500 Internal Server Error',
    );
    expect(message).toHaveAttribute('role', 'alert');
    expect(URL.createObjectURL).not.toHaveBeenCalled();
    expect(clicked).toHaveLength(0);
    expect(
      screen.getByRole('button', { name: 'Download Alertmanager routes' }),
    ).toBeEnabled();
  });

  it('is offered on group pages only', async () => {
    await render(fakeApi(), sparkJob);
    expect(
      screen.queryByRole('button', { name: 'Download Alertmanager routes' }),
    ).toBeNull();
  });
});

describe('legacy EntityDataOpsTeamAlertsCard extension', () => {
  it('lazy-loads the card under its title', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[dataOpsApiRef, fakeApi()]]}>
        <EntityProvider entity={salesGroup}>
          <LegacyTeamAlertsCard title="Sales alerts" />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(await screen.findByText('Sales alerts')).toBeInTheDocument();
    expect(await screen.findByTestId('alert-t1')).toBeInTheDocument();
  });
});

describe('EntityDataOpsTeamAlertsCard with the real client', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('asks the team routes for the group and renders their answers', async () => {
    const owners: Array<string | null> = [];
    server.use(
      http.get(`${TEST_BASE_URL}/v1/alerts`, ({ request }) => {
        owners.push(new URL(request.url).searchParams.get('owner'));
        return HttpResponse.json(teamAlertsResponse);
      }),
      http.get(`${TEST_BASE_URL}/v1/incidents`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        owners.push(`${params.get('owner')} days=${params.get('days')}`);
        return HttpResponse.json(incidentsResponse);
      }),
    );
    const client = new DataOpsClient({
      discoveryApi: { getBaseUrl: async () => TEST_BASE_URL },
      fetchApi: new MockFetchApi(),
    });
    await render(client);
    expect(await screen.findByTestId('alert-t1')).toBeInTheDocument();
    expect(
      await screen.findByRole('img', { name: /^Weekly incidents/ }),
    ).toBeInTheDocument();
    expect(owners.sort()).toEqual([
      'group:default/sales-data',
      'group:default/sales-data days=30',
    ]);
  });
});
