import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { registerMswTestHooks, renderInTestApp } from '@backstage/test-utils';
import { LogsTab, lineLink } from './LogsTab';
import { LogTable, flattenFields } from './LogTable';
import {
  LogHistogram,
  mergeHistograms,
  brushLabel,
  middleHalf,
  selectionRange,
} from './LogHistogram';
import {
  icebergTable,
  logsResponse,
  sparkJob,
} from '../../__testUtils__/fixtures';
import {
  renderWithEntity,
  TEST_BASE_URL,
} from '../../__testUtils__/renderWithEntity';
import { recordingHandler } from '../../__testUtils__/recordingHandler';
import { DateTime } from 'luxon';

const server = setupServer();
const LOGS_URL = `${TEST_BASE_URL}/v1/entity/default/component/daily-sales-etl/logs`;
const dev = logsResponse.environments[0];
const devHits =
  dev.status === 'ok' ? dev.data.hits.map(h => ({ ...h, env: 'dev' })) : [];

describe('log helpers', () => {
  it('sums histograms of several environments per bucket', () => {
    expect(
      mergeHistograms([
        [
          { timestamp: 2, counts: { error: 1 } },
          { timestamp: 1, counts: { info: 2 } },
        ],
        [{ timestamp: 2, counts: { error: 2, warn: 1 } }],
      ]),
    ).toEqual([
      { t: 1, info: 2 },
      { t: 2, error: 3, warn: 1 },
    ]);
  });

  it('turns a brush selection into a range that includes the last bucket', () => {
    const rows = [{ t: 0 }, { t: 60_000 }, { t: 120_000 }];
    expect(selectionRange(rows, 1, 2, 60_000)).toEqual({
      from: '1970-01-01T00:01:00.000Z',
      to: '1970-01-01T00:03:00.000Z',
    });
  });

  it('zooms in to the middle half of the buckets, the keyboard alternative to the brush', () => {
    const rows = [0, 1, 2, 3, 4, 5, 6, 7].map(i => ({ t: i * 60_000 }));
    expect(middleHalf(rows, 60_000)).toEqual({
      from: '1970-01-01T00:02:00.000Z',
      to: '1970-01-01T00:06:00.000Z',
    });
  });

  it("names the brush's sliders by the window they select", () => {
    const rows = [0, 1, 2, 3].map(i => ({
      t: Date.UTC(2026, 10, 22, 10, i * 5),
    }));
    const local = (i: number) =>
      DateTime.fromMillis(rows[i].t).toFormat('HH:mm');
    expect(brushLabel(rows, undefined, 'HH:mm')).toBe(
      `Selected time window: ${local(0)} to ${local(3)}`,
    );
    expect(brushLabel(rows, { start: 1, end: 2 }, 'HH:mm')).toBe(
      `Selected time window: ${local(1)} to ${local(2)}`,
    );
  });

  it('offers the zoom as a button reachable by keyboard', async () => {
    const onZoom = jest.fn();
    await renderInTestApp(
      <LogHistogram
        histograms={[
          [0, 1, 2, 3, 4, 5, 6, 7].map(i => ({
            timestamp: i * 60_000,
            counts: { info: 1 },
          })),
        ]}
        intervalMs={60_000}
        onZoom={onZoom}
      />,
    );
    const button = screen.getByRole('button', {
      name: 'Zoom in to the middle half',
    });
    button.focus();
    await userEvent.keyboard('{Enter}');
    expect(onZoom).toHaveBeenCalledWith({
      from: '1970-01-01T00:02:00.000Z',
      to: '1970-01-01T00:06:00.000Z',
    });
  });

  it('flattens nested fields to the dotted paths masking uses', () => {
    expect(flattenFields({ a: { b: 1, c: 'x' }, d: [1] })).toEqual([
      ['a.b', '1'],
      ['a.c', 'x'],
      ['d', '[1]'],
    ]);
  });

  it('builds a line link with the line, its environment and a window around it', () => {
    const url = new URL(
      lineLink({
        origin: 'https://backstage.example.com',
        pathname: '/catalog/default/component/etl/dataops-logs',
        searchParams: new URLSearchParams('env=dev&env=prod&range=7d&q=oom'),
        hit: devHits[0],
      }),
    );
    expect(url.pathname).toBe('/catalog/default/component/etl/dataops-logs');
    expect(url.searchParams.get('line')).toBe('logs-spark-2026.11.22/abc');
    expect(url.searchParams.getAll('env')).toEqual(['dev']);
    expect(url.searchParams.get('from')).toBe('2026-11-22T09:55:05.000Z');
    expect(url.searchParams.get('to')).toBe('2026-11-22T10:05:05.000Z');
    expect(url.searchParams.get('q')).toBe('oom');
  });
});

describe('LogTable', () => {
  it('expands a line to its fields and marks masked ones without showing their value', async () => {
    await renderInTestApp(<LogTable hits={devHits} onCopyLink={jest.fn()} />);
    const row = screen.getByTestId('log-logs-spark-2026.11.22/abc');
    const toggle = within(row).getByRole('button', { name: 'Expand line' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    const open = screen.getByTestId('log-logs-spark-2026.11.22/abc');
    expect(
      within(open).getByRole('button', { name: 'Collapse line' }),
    ).toHaveAttribute('aria-expanded', 'true');
    expect(
      within(open).getByRole('cell', {
        name: 'Fields of line logs-spark-2026.11.22/abc',
      }),
    ).toHaveAttribute('aria-colspan', '6');
    expect(within(open).getByText('etl-driver')).toBeInTheDocument();
    expect(within(open).getByTestId('masked-user.email')).toHaveTextContent(
      'masked',
    );
    expect(within(open).queryByText('***')).toBeNull();
  });

  it('opens the linked line and reports copy clicks', async () => {
    const onCopyLink = jest.fn();
    await renderInTestApp(
      <LogTable
        hits={devHits}
        selectedId="logs-spark-2026.11.22/def"
        onCopyLink={onCopyLink}
      />,
    );
    const row = screen.getByTestId('log-logs-spark-2026.11.22/def');
    expect(
      within(row).getByRole('button', { name: 'Collapse line' }),
    ).toHaveAttribute('aria-expanded', 'true');
    await userEvent.click(
      within(row).getByRole('button', { name: 'Copy link to this line' }),
    );
    expect(onCopyLink).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'logs-spark-2026.11.22/def', env: 'dev' }),
    );
  });

  it('keeps every control of a line inside a cell, and names each column', async () => {
    await renderInTestApp(
      <LogTable
        hits={devHits}
        selectedId="logs-spark-2026.11.22/def"
        onCopyLink={jest.fn()}
      />,
    );
    const table = screen.getByRole('table', { name: 'Log lines' });
    const rows = within(table).getAllByRole('row');
    // The header, both lines and the open line's fields.
    expect(table).toHaveAttribute(
      'aria-rowcount',
      String(1 + devHits.length + 1),
    );
    for (const row of rows) {
      expect(row).not.toHaveAttribute('aria-expanded');
      for (const button of within(row).queryAllByRole('button')) {
        expect(button.closest('[role="cell"]')).not.toBeNull();
      }
    }
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map(h => h.textContent),
    ).toEqual(['Details', 'Time', 'Env', 'Level', 'Message', 'Link']);
  });

  it('virtualises long pages', async () => {
    const many = Array.from({ length: 500 }, (_, i) => ({
      ...devHits[1],
      id: `line-${i}`,
      timestamp: new Date(Date.UTC(2026, 10, 22, 10, 0, 500 - i)).toISOString(),
    }));
    await renderInTestApp(<LogTable hits={many} onCopyLink={jest.fn()} />);
    expect(screen.getByTestId('log-line-0')).toBeInTheDocument();
    expect(screen.queryByTestId('log-line-400')).toBeNull();
    expect(screen.getAllByRole('row').length).toBeLessThan(60);
  });
});

describe('LogsTab', () => {
  registerMswTestHooks(server);

  it('searches, filters by level, and shows the failing environment beside the others', async () => {
    const { handler, seen } = recordingHandler(LOGS_URL, logsResponse);
    server.use(handler);
    await renderWithEntity(<LogsTab />, {
      entity: sparkJob,
      route: '/catalog/default/component/daily-sales-etl/dataops-logs?range=1h',
      showLocation: true,
    });
    expect(
      await screen.findByText('java.lang.OutOfMemoryError: Java heap space'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/opensearch in prod timed out/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('figure', { name: 'Log lines per level over time' }),
    ).toBeInTheDocument();
    expect(seen[0].searchParams.get('size')).toBe('200');

    await userEvent.type(
      screen.getByLabelText('Search logs'),
      'OutOfMemory{enter}',
    );
    await waitFor(() =>
      expect(seen[seen.length - 1].searchParams.get('q')).toBe('OutOfMemory'),
    );
    await userEvent.click(screen.getByRole('button', { name: 'error' }));
    await waitFor(() =>
      expect(seen[seen.length - 1].searchParams.getAll('level')).toEqual([
        'error',
      ]),
    );
    expect(screen.getByTestId('location')).toHaveTextContent(
      'q=OutOfMemory&level=error',
    );
    // Three environments, a histogram and a virtualised table: over 1 s alone, several on a loaded machine.
  }, 20_000);

  it('loads the next page of one environment with its cursor', async () => {
    const cursors: Array<string | null> = [];
    server.use(
      http.get(LOGS_URL, ({ request }) => {
        const url = new URL(request.url);
        cursors.push(url.searchParams.get('cursor'));
        if (url.searchParams.get('cursor') === 'cursor-2') {
          return HttpResponse.json({
            entityRef: 'x',
            environments: [
              {
                env: 'dev',
                status: 'ok',
                data: {
                  index: 'logs-spark-*',
                  total: 3,
                  histogram: [],
                  hits: [
                    {
                      id: 'older',
                      timestamp: '2026-11-22T09:00:00Z',
                      level: 'warn',
                      message: 'older line',
                      fields: {},
                    },
                  ],
                },
              },
            ],
          });
        }
        return HttpResponse.json(logsResponse);
      }),
    );
    await renderWithEntity(<LogsTab />, {
      entity: sparkJob,
      route: '/catalog/default/component/daily-sales-etl/dataops-logs',
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Load more (dev)' }),
    );
    expect(await screen.findByText('older line')).toBeInTheDocument();
    expect(cursors).toEqual([null, 'cursor-2']);
    expect(screen.getByText('3 of 3 lines loaded')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Load more (dev)' }),
    ).toBeNull();
  });

  it('zooms the range to the brushed buckets', async () => {
    const base = Date.parse('2026-11-22T10:00:00Z');
    const buckets = Array.from({ length: 6 }, (_, i) => ({
      timestamp: base + i * 60_000,
      counts: { info: i + 1 },
    }));
    const { handler, seen } = recordingHandler(LOGS_URL, {
      entityRef: 'x',
      environments: [
        {
          env: 'dev',
          status: 'ok',
          data: {
            index: 'i',
            total: 0,
            hits: [],
            histogram: buckets,
            histogramInterval: 60_000,
          },
        },
      ],
    });
    server.use(handler);
    const { container } = await renderWithEntity(<LogsTab />, {
      entity: sparkJob,
      route: '/catalog/default/component/daily-sales-etl/dataops-logs',
      showLocation: true,
    });
    await screen.findByRole('figure', {
      name: 'Log lines per level over time',
    });
    // move the brush's left handle with the keyboard-free path recharts offers: a drag on the traveller
    const traveller = container.querySelector('.recharts-brush-traveller')!;
    fireEvent.mouseDown(traveller, { pageX: 0, clientX: 0 });
    fireEvent.mouseMove(window, { pageX: 400, clientX: 400 });
    fireEvent.mouseUp(window);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Zoom to selection' }),
    );
    await waitFor(() =>
      expect(seen[seen.length - 1].searchParams.get('to')).toBe(
        '2026-11-22T10:06:00.000Z',
      ),
    );
    expect(
      Date.parse(seen[seen.length - 1].searchParams.get('from')!),
    ).toBeGreaterThan(base);
    expect(screen.getByTestId('location')).toHaveTextContent('from=');
  });

  it('says plainly that logs are not permitted, naming the owner, when the backend answers 403', async () => {
    server.use(
      http.get(LOGS_URL, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotAllowedError',
              message: 'Not allowed to read logs',
            },
          },
          { status: 403 },
        ),
      ),
    );
    await renderWithEntity(<LogsTab />, {
      entity: sparkJob,
      route: '/catalog/default/component/daily-sales-etl/dataops-logs?range=1h',
    });
    const notice = await screen.findByTestId('logs-not-permitted');
    expect(notice).toHaveTextContent(
      'You are not permitted to read logs of this entity; ask the owner, sales-data,',
    );
    expect(notice).toHaveTextContent('dataops.logs.read');
    expect(screen.queryByText(/403/)).toBeNull();
  });

  it('keeps the error panel for other failures', async () => {
    server.use(
      http.get(LOGS_URL, () =>
        HttpResponse.json(
          { error: { name: 'Error', message: 'upstream broke' } },
          { status: 500 },
        ),
      ),
    );
    await renderWithEntity(<LogsTab />, {
      entity: sparkJob,
      route: '/catalog/default/component/daily-sales-etl/dataops-logs?range=1h',
    });
    expect(
      (await screen.findAllByText(/upstream broke/)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByTestId('logs-not-permitted')).toBeNull();
  });

  it('names the index annotation when the entity has none', async () => {
    await renderWithEntity(<LogsTab />, { entity: icebergTable });
    expect(
      screen.getByText('dataops.io/opensearch-index', { selector: 'code' }),
    ).toBeInTheDocument();
  });
});
