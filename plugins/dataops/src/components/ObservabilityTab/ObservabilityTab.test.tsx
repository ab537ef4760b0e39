import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { registerMswTestHooks } from '@backstage/test-utils';
import { ObservabilityTab } from './ObservabilityTab';
import { OverviewMatrix, sortAreasWorstFirst } from './OverviewMatrix';
import {
  alertsResponse,
  icebergTable,
  plainService,
  sparkJob,
  sparkJobWithStorage,
  summaryResponse,
} from '../../__testUtils__/fixtures';
import {
  renderWithEntity,
  TEST_BASE_URL,
} from '../../__testUtils__/renderWithEntity';
import { recordingHandler } from '../../__testUtils__/recordingHandler';
import { renderInTestApp } from '@backstage/test-utils';

const server = setupServer();
const ENTITY_URL = `${TEST_BASE_URL}/v1/entity/default/component/daily-sales-etl`;

describe('OverviewMatrix', () => {
  it('sorts areas worst first across environments', () => {
    expect(sortAreasWorstFirst(summaryResponse.environments)).toEqual([
      'deployments',
      'runs',
      'metrics',
      'alerts',
      'storage',
      'logs',
      'slo',
    ]);
  });

  it('renders every cell with level text and reason, and the failing environment once', async () => {
    await renderInTestApp(
      <OverviewMatrix
        summary={summaryResponse}
        linkFor={(a, e) => `/x/${a}?env=${e}`}
      />,
    );
    const cell = screen.getByTestId('cell-deployments-stage');
    expect(within(cell).getByText('Critical')).toBeInTheDocument();
    expect(within(cell).getByText('OutOfSync for 12 min')).toBeInTheDocument();
    expect(within(cell).getByRole('link')).toHaveAttribute(
      'href',
      '/x/deployments?env=stage',
    );
    expect(
      within(screen.getByTestId('cell-storage-dev')).getByText('Unknown'),
    ).toBeInTheDocument();
    // prod failed: its message shows once and no prod cells exist
    expect(
      screen.getAllByText('Thanos querier did not answer within 10 s'),
    ).toHaveLength(1);
    expect(screen.getByText(/thanos in prod timed out/)).toBeInTheDocument();
    expect(screen.queryByTestId('cell-metrics-prod')).not.toBeInTheDocument();
    // column headers carry the environment's overall level
    const headers = screen.getAllByRole('columnheader');
    expect(headers.map(h => h.textContent)).toEqual([
      'dev Unknown',
      'stage Critical',
      'prod Critical',
    ]);
  });

  it('names a cell link with the words it shows, the area and environment around them', async () => {
    await renderInTestApp(
      <OverviewMatrix
        summary={summaryResponse}
        linkFor={(a, e) => `/x/${a}?env=${e}`}
      />,
    );
    const link = within(screen.getByTestId('cell-deployments-stage')).getByRole(
      'link',
    );
    expect(link).toHaveAccessibleName(
      'Deployments in stage: critical, OutOfSync for 12 min. Open Deployments',
    );
    // Speech users say what they see: the visible words, in order, are part of the name (WCAG 2.5.3).
    const words = (text: string) =>
      text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim();
    expect(words(link.textContent!)).toBe('critical outofsync for 12 min');
    expect(words(link.getAttribute('aria-label')!)).toContain(
      words(link.textContent!),
    );
  });

  it('says "Not permitted" in a cell the backend marks as denied, without a link to the refusing tab', async () => {
    const dev = summaryResponse.environments[0];
    if (dev.status !== 'ok') throw new Error('fixture: dev should be ok');
    const denied = {
      ...summaryResponse,
      environments: [
        {
          ...dev,
          data: {
            areas: {
              ...dev.data.areas,
              logs: { level: 'unknown' as const, reason: 'not permitted' },
            },
          },
        },
        ...summaryResponse.environments.slice(1),
      ],
    };
    await renderInTestApp(
      <OverviewMatrix
        summary={denied}
        linkFor={(a, e) => `/x/${a}?env=${e}`}
      />,
    );
    const cell = screen.getByTestId('cell-logs-dev');
    expect(cell).toHaveTextContent(/^Not permitted$/);
    expect(within(cell).queryByRole('link')).toBeNull();
    expect(
      within(screen.getByTestId('cell-metrics-dev')).getByRole('link'),
    ).toBeInTheDocument();
  });

  it('says "Not set up" in an area the entity has not opted into, with what is missing and no tint', async () => {
    const dev = summaryResponse.environments[0];
    if (dev.status !== 'ok') throw new Error('fixture: dev should be ok');
    const reason =
      'BAD_ANNOTATION: the entity has no dataops.io/opensearch-index annotation';
    await renderInTestApp(
      <OverviewMatrix
        summary={{
          ...summaryResponse,
          environments: [
            {
              ...dev,
              data: {
                areas: {
                  ...dev.data.areas,
                  logs: {
                    level: 'unknown' as const,
                    reason,
                    cause: 'not-set-up' as const,
                  },
                },
              },
            },
            ...summaryResponse.environments.slice(1),
          ],
        }}
        linkFor={(a, e) => `/x/${a}?env=${e}`}
      />,
    );
    const cell = screen.getByTestId('cell-logs-dev');
    expect(cell).toHaveTextContent(`Not set up ${reason}`);
    expect(within(cell).getByRole('link')).toHaveAccessibleName(
      `Logs in dev: not set up, ${reason}. Open Logs`,
    );
    // Judged cells are tinted with their level's colour; this one is not.
    expect(
      screen.getByTestId('cell-metrics-dev').style.backgroundColor,
    ).toMatch(/^rgba/);
    expect(['', 'transparent']).toContain(cell.style.backgroundColor);
  });

  it('leaves a cell unlinked when its tab does not apply', async () => {
    await renderInTestApp(
      <OverviewMatrix summary={summaryResponse} linkFor={() => undefined} />,
    );
    expect(
      within(screen.getByTestId('cell-logs-dev')).queryByRole('link'),
    ).toBeNull();
  });
});

describe('ObservabilityTab', () => {
  registerMswTestHooks(server);

  it('loads the summary and alerts for the selected range and links cells to tabs', async () => {
    const { handler, seen } = recordingHandler(
      `${ENTITY_URL}/summary`,
      summaryResponse,
    );
    server.use(
      handler,
      http.get(`${ENTITY_URL}/alerts`, () => HttpResponse.json(alertsResponse)),
    );
    await renderWithEntity(<ObservabilityTab />, {
      entity: sparkJob,
      route: '/catalog/default/component/daily-sales-etl/dataops?range=24h',
      showLocation: true,
    });
    expect(await screen.findByText('OutOfSync for 12 min')).toBeInTheDocument();
    expect(seen[0].searchParams.get('from')).toBe('now-24h');
    expect(seen[0].searchParams.get('to')).toBe('now');
    expect(screen.getByRole('list', { name: 'Legend' })).toHaveTextContent(
      'Critical',
    );
    expect(
      await screen.findByText('SparkJobFailureRateHigh'),
    ).toBeInTheDocument();

    await userEvent.click(
      within(screen.getByTestId('cell-metrics-stage')).getByRole('link'),
    );
    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe(
        '/catalog/default/component/daily-sales-etl/dataops-metrics?range=24h&env=stage',
      ),
    );
  });

  it("links cells to the tabs where the adopter mounted them, alerts to the overview's own list", async () => {
    server.use(
      http.get(`${ENTITY_URL}/summary`, () =>
        HttpResponse.json(summaryResponse),
      ),
      http.get(`${ENTITY_URL}/alerts`, () => HttpResponse.json(alertsResponse)),
    );
    await renderWithEntity(<ObservabilityTab />, {
      // Every tab applies to this entity, so every area's cell links.
      entity: sparkJobWithStorage,
      route: '/catalog/default/component/daily-sales-etl/obs?range=24h',
      tabs: {
        overview: '/obs',
        metrics: '/charts',
        logs: '/logs',
        deployments: '/argo',
        slo: '/objectives',
        storage: '/tables',
      },
    });
    await screen.findByText('OutOfSync for 12 min');
    const base = '/catalog/default/component/daily-sales-etl';
    const hrefOf = (cell: string) =>
      within(screen.getByTestId(cell)).getByRole('link').getAttribute('href');
    expect(hrefOf('cell-metrics-stage')).toBe(
      `${base}/charts?range=24h&env=stage`,
    );
    expect(hrefOf('cell-logs-dev')).toBe(`${base}/logs?range=24h&env=dev`);
    expect(hrefOf('cell-deployments-stage')).toBe(
      `${base}/argo?range=24h&env=stage`,
    );
    expect(hrefOf('cell-slo-dev')).toBe(`${base}/objectives?range=24h&env=dev`);
    expect(hrefOf('cell-storage-dev')).toBe(`${base}/tables?range=24h&env=dev`);
    expect(hrefOf('cell-alerts-stage')).toBe(
      `${base}/obs?range=24h&env=stage#dataops-alerts`,
    );
  });

  it('leaves the cells of a tab the app does not mount as plain text', async () => {
    server.use(
      http.get(`${ENTITY_URL}/summary`, () =>
        HttpResponse.json(summaryResponse),
      ),
      http.get(`${ENTITY_URL}/alerts`, () => HttpResponse.json(alertsResponse)),
    );
    await renderWithEntity(<ObservabilityTab />, {
      entity: sparkJob,
      tabs: { overview: '/dataops', metrics: '/dataops-metrics' },
    });
    await screen.findByText('OutOfSync for 12 min');
    expect(
      within(screen.getByTestId('cell-metrics-dev')).getByRole('link'),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/daily-sales-etl/dataops-metrics?env=dev',
    );
    for (const cell of [
      'cell-logs-dev',
      'cell-deployments-stage',
      'cell-slo-dev',
      'cell-storage-dev',
    ]) {
      expect(within(screen.getByTestId(cell)).queryByRole('link')).toBeNull();
    }
    expect(
      within(screen.getByTestId('cell-deployments-stage')).getByText(
        'OutOfSync for 12 min',
      ),
    ).toBeInTheDocument();
  });

  it('asks only for the environments picked in the selector', async () => {
    const { handler, seen } = recordingHandler(
      `${ENTITY_URL}/summary`,
      summaryResponse,
    );
    server.use(
      handler,
      http.get(`${ENTITY_URL}/alerts`, () => HttpResponse.json(alertsResponse)),
    );
    await renderWithEntity(<ObservabilityTab />, {
      entity: sparkJob,
      showLocation: true,
    });
    await screen.findByText('OutOfSync for 12 min');
    await userEvent.click(screen.getByRole('button', { name: 'dev' }));
    await waitFor(() =>
      expect(seen[seen.length - 1].searchParams.getAll('env')).toEqual([
        'stage',
        'prod',
      ]),
    );
    expect(screen.getByTestId('location').textContent).toContain(
      'env=stage&env=prod',
    );
    const before = seen.length;
    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(seen.length).toBe(before + 1));
  });

  it('shows the whole-request error when the backend is missing', async () => {
    server.use(
      http.get(
        `${ENTITY_URL}/*`,
        () => new HttpResponse(null, { status: 404 }),
      ),
    );
    await renderWithEntity(<ObservabilityTab />, { entity: sparkJob });
    expect(
      (await screen.findAllByText(/DataOps backend plugin not installed/))
        .length,
    ).toBeGreaterThan(0);
  });

  it('does not link to tabs the entity lacks annotations for', async () => {
    server.use(
      http.get(
        `${TEST_BASE_URL}/v1/entity/default/resource/sales-daily-orders/summary`,
        () => HttpResponse.json(summaryResponse),
      ),
      http.get(
        `${TEST_BASE_URL}/v1/entity/default/resource/sales-daily-orders/alerts`,
        () => HttpResponse.json(alertsResponse),
      ),
      http.get(`${TEST_BASE_URL}/v1/environments`, () =>
        HttpResponse.json({ environments: [{ name: 'dev', sources: {} }] }),
      ),
    );
    await renderWithEntity(<ObservabilityTab />, {
      entity: icebergTable,
      route: '/catalog/default/resource/sales-daily-orders/dataops',
    });
    await screen.findByText('OutOfSync for 12 min');
    expect(
      within(screen.getByTestId('cell-logs-dev')).queryByRole('link'),
    ).toBeNull();
    expect(
      within(screen.getByTestId('cell-metrics-dev')).getByRole('link'),
    ).toBeInTheDocument();
  });

  it('names the annotation when the entity is outside the suite', async () => {
    await renderWithEntity(<ObservabilityTab />, { entity: plainService });
    expect(
      screen.getByText('dataops.io/environments', {
        exact: false,
        selector: 'code',
      }),
    ).toBeInTheDocument();
  });
});
