import { screen, waitFor, within } from '@testing-library/react';
import { Routes, Route, useLocation } from 'react-router-dom';
import userEvent from '@testing-library/user-event';
import { DateTime } from 'luxon';
import {
  configApiRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import { FleetAnswer, FleetPage, FleetRow } from './FleetPage';
import { FleetPageContent } from './index';

const answer = (pending: string[]): FleetAnswer => ({
  environments: ['dev', 'prod'],
  owners: ['group:default/team-a'],
  counts: { critical: 1, healthy: pending.length ? 2 : 3 },
  truncated: false,
  rows: [
    {
      entityRef: 'component:default/orders-etl',
      title: 'orders-etl',
      type: 'spark-job',
      system: 'orders',
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

const row = (
  title: string,
  level: 'healthy' | 'warning' | 'critical' | 'unknown',
  word: string,
  reason = 'metrics: fine',
): FleetRow => ({
  entityRef: `component:default/${title}`,
  title,
  cells: [{ env: 'prod', level, word, reason }],
  pending: [],
});

const oneEnv = (
  rows: FleetRow[],
  extra: Partial<FleetAnswer> = {},
): FleetAnswer => ({
  environments: ['prod'],
  owners: ['group:default/team-a'],
  counts: {},
  truncated: false,
  rows,
  ...extra,
});

function Location() {
  const location = useLocation();
  return <div data-testid="search">{location.search}</div>;
}

type Reply = FleetAnswer | { status: number; body: unknown };

function setup(answers: Reply[]) {
  const urls: string[] = [];
  const fetchApi = {
    fetch: jest.fn(async (input: RequestInfo | URL) => {
      const url = String(input);
      urls.push(url);
      const reply = answers[Math.min(urls.length - 1, answers.length - 1)];
      if ('status' in reply) {
        return new Response(JSON.stringify(reply.body), {
          status: reply.status,
          statusText: 'Bad Request',
          headers: { 'content-type': 'application/json' },
        });
      }
      return new Response(JSON.stringify(reply), { status: 200 });
    }),
  };
  const discoveryApi = { getBaseUrl: async () => 'http://backend/api/dataops' };
  return { urls, fetchApi, discoveryApi };
}

async function renderPage(
  answers: Reply[],
  options: { route?: string; content?: boolean } = {},
) {
  const ctx = setup(answers);
  const page = options.content ? <FleetPageContent /> : <FleetPage />;
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [fetchApiRef, ctx.fetchApi],
        [discoveryApiRef, ctx.discoveryApi],
        [
          configApiRef,
          mockApis.config({
            data: {
              app: { support: { url: 'https://support.example', items: [] } },
            },
          }),
        ],
      ]}
    >
      <Routes>
        <Route
          path="/*"
          element={
            <>
              {page}
              <Location />
            </>
          }
        />
      </Routes>
    </TestApiProvider>,
    { routeEntries: [options.route ?? '/'] },
  );
  return ctx;
}

/** The workload names of the table's body rows, top to bottom. */
function workloadOrder() {
  const table = screen.getByRole('table', { name: 'Workloads by environment' });
  const [, ...rows] = within(table).getAllByRole('row');
  return rows.map(r => within(r).getAllByRole('rowheader')[0].textContent);
}

describe('FleetPage', () => {
  it('shows counts, cells with word and reason, and links to the observability tab', async () => {
    await renderPage([answer([])]);
    expect(await screen.findByText('1 critical')).toBeInTheDocument();
    expect(screen.getByText('3 healthy')).toBeInTheDocument();
    expect(screen.getByText('0 warning')).toBeInTheDocument();
    const table = screen.getByRole('table', {
      name: 'Workloads by environment',
    });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map(h => h.textContent),
    ).toEqual(['Workload', 'Type', 'System', 'dev', 'prod']);
    const cell = screen.getByLabelText(
      'billing prod: Critical, runs: last run failed',
    );
    expect(cell).toHaveAttribute(
      'href',
      '/catalog/default/component/billing/observability',
    );
    expect(cell).toHaveTextContent('Critical');
    const workload = within(table).getByRole('link', { name: 'orders-etl' });
    expect(workload).toHaveAttribute(
      'href',
      '/catalog/default/component/orders-etl/observability',
    );
    const ordersRow = workload.closest('tr')!;
    expect(within(ordersRow).getByText('spark-job')).toBeInTheDocument();
    expect(within(ordersRow).getByText('orders')).toBeInTheDocument();
  });

  it('is a Backstage page titled DataOps that says whose workloads it shows', async () => {
    await renderPage([
      { ...answer([]), owners: ['group:default/team-a', 'group:ops/team-b'] },
    ]);
    expect(
      screen.getByRole('heading', { level: 1, name: 'DataOps' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('Workloads owned by team-a and ops/team-b'),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Fleet' })).toBeInTheDocument();
    expect(
      screen.getByText(/The worst area of each workload per environment/),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Support' }));
    expect(
      await screen.findByText(/One row per workload of the selected owners/),
    ).toBeInTheDocument();
  });

  it('without a page header of its own, says whose workloads in the content header', async () => {
    await renderPage([answer([])], { content: true });
    expect(
      await screen.findByText(/^Workloads owned by team-a\. The worst area/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 1 })).toBeNull();
    expect(
      screen.getByRole('table', { name: 'Workloads by environment' }),
    ).toBeInTheDocument();
  });

  it('shows pending cells as loading, how many cells are in, and asks again', async () => {
    jest.useFakeTimers({ advanceTimers: true });
    try {
      const { urls } = await renderPage([answer(['prod']), answer([])]);
      expect(await screen.findByText('loading…')).toBeInTheDocument();
      expect(screen.getByText('3 of 4 cells in')).toBeInTheDocument();
      expect(screen.getByRole('status')).toHaveTextContent(
        '3 of 4 cells in, the rest are still computing',
      );
      jest.advanceTimersByTime(3500);
      await waitFor(() => expect(screen.queryByText('loading…')).toBeNull());
      expect(screen.queryByText(/cells in/)).toBeNull();
      expect(urls).toHaveLength(2);
      // Nothing pending any more: no third request.
      jest.advanceTimersByTime(10_000);
      expect(urls).toHaveLength(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('keeps the last answer in sight when a later poll fails', async () => {
    jest.useFakeTimers({ advanceTimers: true });
    try {
      await renderPage([
        answer(['prod']),
        {
          status: 503,
          body: { error: { name: 'Error', message: 'catalog unavailable' } },
        },
      ]);
      await screen.findByText('loading…');
      jest.advanceTimersByTime(3500);
      expect(
        (await screen.findAllByText(/catalog unavailable/)).length,
      ).toBeGreaterThan(0);
      expect(
        screen.getByRole('table', { name: 'Workloads by environment' }),
      ).toBeInTheDocument();
    } finally {
      jest.useRealTimers();
    }
  });

  it('lists rows worst first whatever order they come in', async () => {
    await renderPage([
      oneEnv([
        row('quiet', 'healthy', 'Healthy'),
        row('odd', 'unknown', 'Unknown', 'logs is not configured'),
        row('broken', 'critical', 'Critical'),
        row('slow', 'warning', 'Warning'),
        row('also-broken', 'critical', 'Critical'),
      ]),
    ]);
    await screen.findByRole('table', { name: 'Workloads by environment' });
    expect(workloadOrder()).toEqual([
      'broken',
      'also-broken',
      'slow',
      'odd',
      'quiet',
    ]);
  });

  it('shows a cell that could not be computed as Unknown with its reason in sight', async () => {
    await renderPage([
      oneEnv([
        row(
          'orders-etl',
          'unknown',
          'Unknown',
          'Could not compute: timed out after 20s',
        ),
        row('billing', 'healthy', 'Healthy', 'runs: last run succeeded'),
      ]),
    ]);
    const link = await screen.findByLabelText(
      'orders-etl prod: Unknown, Could not compute: timed out after 20s',
    );
    expect(link).toHaveTextContent('Unknown');
    const cell = link.closest('td')!;
    expect(
      within(cell).getByText('Could not compute: timed out after 20s'),
    ).toBeVisible();
    // A known level explains itself: its reason stays in the tooltip.
    const healthy = screen.getByLabelText(
      'billing prod: Healthy, runs: last run succeeded',
    );
    expect(
      within(healthy.closest('td')!).queryByText('runs: last run succeeded'),
    ).toBeNull();
  });

  it('tells how old a cell is in its tooltip', async () => {
    const computedAt = DateTime.now()
      .minus({ minutes: 5, seconds: 30 })
      .toISO()!;
    await renderPage([
      oneEnv([
        {
          ...row('billing', 'critical', 'Critical', 'runs: last run failed'),
          cells: [
            {
              env: 'prod',
              level: 'critical',
              word: 'Critical',
              reason: 'runs: last run failed',
              computedAt,
            },
          ],
        },
      ]),
    ]);
    const link = await screen.findByLabelText(
      'billing prod: Critical, runs: last run failed, computed 5 minutes ago',
    );
    await userEvent.hover(link);
    const tooltip = await screen.findByRole('tooltip');
    expect(tooltip).toHaveTextContent('runs: last run failed');
    expect(tooltip).toHaveTextContent('computed 5 minutes ago');
  });

  it('keeps free-text filters in the URL and sends them to the backend', async () => {
    const { urls } = await renderPage([answer([])], {
      route: '/?owner=group:default/team-a',
    });
    await screen.findByText('1 critical');
    expect(urls[0]).toBe(
      'http://backend/api/dataops/v1/fleet?owner=group%3Adefault%2Fteam-a',
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Type' }),
      'spark-job',
    );
    await userEvent.tab();
    await waitFor(() =>
      expect(screen.getByTestId('search')).toHaveTextContent('type=spark-job'),
    );
    await waitFor(() =>
      expect(urls[urls.length - 1]).toContain('type=spark-job'),
    );
    // Enter applies too, and several values go comma-separated.
    await userEvent.type(
      screen.getByRole('textbox', { name: 'System' }),
      'orders, billing{Enter}',
    );
    await waitFor(() =>
      expect(urls[urls.length - 1]).toBe(
        'http://backend/api/dataops/v1/fleet?owner=group%3Adefault%2Fteam-a&type=spark-job&system=orders&system=billing',
      ),
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Lifecycle' }),
      'production{Enter}',
    );
    await waitFor(() =>
      expect(screen.getByTestId('search')).toHaveTextContent(
        'lifecycle=production',
      ),
    );
  });

  it('offers the answer owners and takes a typed group name as a group ref', async () => {
    const { urls } = await renderPage([answer([])]);
    await screen.findByText('1 critical');
    const owner = screen.getByRole('textbox', { name: 'Owner' });
    await userEvent.click(owner);
    await userEvent.click(
      await screen.findByRole('option', { name: 'team-a' }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('search')).toHaveTextContent(
        '?owner=group%3Adefault%2Fteam-a',
      ),
    );
    await userEvent.type(owner, 'sales-data{Enter}');
    await waitFor(() =>
      expect(urls[urls.length - 1]).toBe(
        'http://backend/api/dataops/v1/fleet?owner=group%3Adefault%2Fteam-a&owner=group%3Adefault%2Fsales-data',
      ),
    );
  });

  it('filters environments with a select and clears every filter at once', async () => {
    const { urls } = await renderPage([answer([])], {
      route: '/?type=spark-job',
    });
    await screen.findByText('1 critical');
    await userEvent.click(screen.getByRole('button', { name: /Environment/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'prod' }));
    await userEvent.keyboard('{Escape}');
    await waitFor(() =>
      expect(urls[urls.length - 1]).toBe(
        'http://backend/api/dataops/v1/fleet?type=spark-job&env=prod',
      ),
    );
    expect(screen.getByTestId('search')).toHaveTextContent('env=prod');
    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('search')).toBeEmptyDOMElement(),
    );
    await waitFor(() =>
      expect(urls[urls.length - 1]).toBe('http://backend/api/dataops/v1/fleet'),
    );
    expect(screen.getByRole('textbox', { name: 'Type' })).toHaveValue('');
  });

  it('says what to do when the owners have no workloads', async () => {
    await renderPage([oneEnv([])], { route: '/?owner=group:default/team-a' });
    expect(
      await screen.findByText('No DataOps workloads for team-a'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Annotate the entities these groups own/),
    ).toHaveTextContent(/pick another owner/);
    expect(
      screen.queryByRole('table', { name: 'Workloads by environment' }),
    ).toBeNull();
    // Nothing narrows the owners' workloads: no filter to widen.
    expect(
      screen.queryByRole('button', { name: /Show every type/ }),
    ).toBeNull();
  });

  it('offers to widen the filters that left the owners with no workloads', async () => {
    const { urls } = await renderPage([oneEnv([])], {
      route: '/?owner=group:default/team-a&type=spark-job&env=prod',
    });
    expect(
      await screen.findByText(
        /widen the type, system, lifecycle or environment filter/,
      ),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', {
        name: 'Show every type, system, lifecycle and environment',
      }),
    );
    await waitFor(() =>
      expect(urls[urls.length - 1]).toBe(
        'http://backend/api/dataops/v1/fleet?owner=group%3Adefault%2Fteam-a',
      ),
    );
  });

  it('asks for an owner when the user belongs to no group', async () => {
    await renderPage([oneEnv([], { owners: [] })]);
    expect(
      await screen.findByText('You belong to no group'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Type a group name or ref in the Owner filter/),
    ).toBeInTheDocument();
  });

  it('warns that a truncated answer needs narrower filters', async () => {
    await renderPage([
      oneEnv([row('billing', 'healthy', 'Healthy')], { truncated: true }),
    ]);
    expect(
      await screen.findByText(/Only part of the fleet is shown/),
    ).toBeInTheDocument();
    expect(screen.getByText(/Narrow the filters/)).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Workloads by environment' }),
    ).toBeInTheDocument();
  });

  it('shows the backend error in an error panel', async () => {
    await renderPage(
      [
        {
          status: 400,
          body: {
            error: {
              name: 'InputError',
              message: "Invalid 'type': not a type",
            },
            response: { statusCode: 400 },
          },
        },
      ],
      { route: '/?type=bad%20type' },
    );
    expect(
      (await screen.findAllByText(/Invalid 'type': not a type/)).length,
    ).toBeGreaterThan(0);
    expect(
      screen.queryByRole('table', { name: 'Workloads by environment' }),
    ).toBeNull();
  });
});
