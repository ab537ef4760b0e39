import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { registerMswTestHooks, renderInTestApp } from '@backstage/test-utils';
import { MetricsTab, MetricsView } from './MetricsTab';
import { logsQueryForPoint } from './logsQueryForPoint';
import { mergeSeries } from './chartData';
import { MetricChart } from './MetricChart';
import {
  icebergTable,
  metricsResponse,
  sparkJob,
} from '../../__testUtils__/fixtures';
import {
  renderWithEntity,
  TEST_BASE_URL,
} from '../../__testUtils__/renderWithEntity';
import { recordingHandler } from '../../__testUtils__/recordingHandler';
import { Entity } from '@backstage/catalog-model';
import { DateTime } from 'luxon';

const server = setupServer();
const METRICS_URL = `${TEST_BASE_URL}/v1/entity/default/component/daily-sales-etl/metrics`;
const RANGE = { kind: 'preset', preset: '6h' } as const;

describe('metrics helpers', () => {
  it('opens logs five minutes either side of a point, keeping other filters', () => {
    const query = logsQueryForPoint({
      searchParams: new URLSearchParams(
        'env=dev&env=prod&range=6h&layout=side&q=oom',
      ),
      envs: ['prod'],
      momentMs: Date.parse('2026-11-22T10:00:00Z'),
    });
    expect(query.getAll('env')).toEqual(['prod']);
    expect(query.get('from')).toBe('2026-11-22T09:55:00.000Z');
    expect(query.get('to')).toBe('2026-11-22T10:05:00.000Z');
    expect(query.get('range')).toBeNull();
    expect(query.get('layout')).toBeNull();
    expect(query.get('q')).toBe('oom');
  });

  it('merges series by time and keeps gaps as null', () => {
    expect(
      mergeSeries([
        {
          key: 'a',
          env: 'dev',
          name: 'dev',
          points: [
            [1, 1],
            [2, null],
          ],
        },
        { key: 'b', env: 'prod', name: 'prod', points: [[2, 5]] },
      ]),
    ).toEqual([
      { t: 1000, a: 1 },
      { t: 2000, a: null, b: 5 },
    ]);
  });
});

describe('MetricsView', () => {
  it('explains every non-ok state per environment and still draws the healthy ones', async () => {
    await renderInTestApp(
      <MetricsView response={metricsResponse} range={RANGE} layout="overlay" />,
    );
    const cpu = screen.getByTestId('panel-cpu');
    expect(
      within(cpu).getByText('stage: no samples in range'),
    ).toBeInTheDocument();
    expect(
      within(cpu).getByText(/no samples between 09:00 and 11:00/),
    ).toBeInTheDocument();
    expect(within(cpu).getByText('dev: 90%')).toBeInTheDocument();
    expect(
      within(cpu).getByRole('img', { name: /CPU usage chart: dev pod=driver/ }),
    ).toBeInTheDocument();
    // thresholds drawn as labelled reference lines
    expect(within(cpu).getByText('critical 85%')).toBeInTheDocument();
    expect(within(cpu).getByText('warning 70%')).toBeInTheDocument();
    // prod failed as a whole: said in each panel, others still render
    expect(
      within(cpu).getByText(
        /thanos in prod answered with an error \(HTTP 502\)/,
      ),
    ).toBeInTheDocument();

    const lag = screen.getByTestId('panel-kafka-lag');
    expect(
      within(lag).getByText('dev: metric not collected'),
    ).toBeInTheDocument();
    expect(
      within(lag).getByText(/No other metric is shown in its place/),
    ).toBeInTheDocument();
    expect(within(lag).queryByRole('img')).toBeNull();

    const running = screen.getByTestId('panel-running');
    expect(
      within(running).getByText('stage: query failed'),
    ).toBeInTheDocument();
    expect(
      within(running).getByText('Fallback query (dev)'),
    ).toBeInTheDocument();
  });

  it('shows the PromQL of each environment on demand', async () => {
    await renderInTestApp(
      <MetricsView response={metricsResponse} range={RANGE} layout="overlay" />,
    );
    const running = screen.getByTestId('panel-running');
    expect(within(running).queryByLabelText('PromQL dev')).toBeNull();
    await userEvent.click(
      within(running).getByRole('button', { name: 'Show PromQL' }),
    );
    expect(within(running).getByLabelText('PromQL dev')).toHaveTextContent(
      'count(up{namespace="spark"} == 1)',
    );
    expect(within(running).getByLabelText('PromQL stage')).toHaveTextContent(
      'kube_pod_status_phase',
    );
    expect(
      within(running).getByText('dev (fallback query)'),
    ).toBeInTheDocument();
  });

  it('draws one chart per environment side by side', async () => {
    const twoEnvs = {
      ...metricsResponse,
      environments: [
        metricsResponse.environments[0],
        { ...metricsResponse.environments[0], env: 'prod' },
      ],
    };
    await renderInTestApp(
      <MetricsView response={twoEnvs} range={RANGE} layout="side" />,
    );
    const cpu = screen.getByTestId('panel-cpu');
    expect(within(cpu).getAllByRole('img')).toHaveLength(2);
  });

  it('passes the clicked moment and the chart environments on', async () => {
    const onPointClick = jest.fn();
    await renderInTestApp(
      <MetricsView
        response={metricsResponse}
        range={RANGE}
        layout="overlay"
        onPointClick={onPointClick}
      />,
    );
    const surface = within(screen.getByTestId('panel-cpu'))
      .getByRole('img')
      .querySelector('.recharts-wrapper')!;
    fireEvent.mouseMove(surface, { clientX: 300, clientY: 100 });
    fireEvent.click(surface, { clientX: 300, clientY: 100 });
    expect(onPointClick).toHaveBeenCalled();
    const [moment, envs] = onPointClick.mock.calls[0];
    expect(envs).toEqual(['dev']);
    expect(moment).toBeGreaterThanOrEqual(
      Date.parse(metricsResponse.range!.from),
    );
    expect(moment).toBeLessThanOrEqual(Date.parse(metricsResponse.range!.to));
  });

  it('opens the logs around a typed moment from the keyboard, refusing one outside the range', async () => {
    const onPointClick = jest.fn();
    await renderInTestApp(
      <MetricsView
        response={metricsResponse}
        range={RANGE}
        layout="overlay"
        onPointClick={onPointClick}
      />,
    );
    const panel = screen.getByTestId('panel-cpu');
    const field = within(panel).getByLabelText('Logs around');
    const button = within(panel).getByRole('button', {
      name: 'Open logs around this time',
    });
    const to = Date.parse(metricsResponse.range!.to);
    const local = (ms: number) =>
      DateTime.fromMillis(ms).toFormat("yyyy-LL-dd'T'HH:mm");

    fireEvent.change(field, { target: { value: '1999-01-01T00:00' } });
    expect(button).toBeDisabled();
    expect(
      within(panel).getByText('Pick a moment inside the chart range'),
    ).toBeInTheDocument();

    const moment = to - 30 * 60_000;
    fireEvent.change(field, { target: { value: local(moment) } });
    button.focus();
    await userEvent.keyboard('{Enter}');
    expect(onPointClick).toHaveBeenCalledTimes(1);
    const [ms, envs] = onPointClick.mock.calls[0];
    expect(ms).toBe(DateTime.fromMillis(moment).startOf('minute').toMillis());
    expect(envs).toEqual(['dev']);
  });
});

describe('MetricChart', () => {
  const yTicks = (container: HTMLElement) =>
    Array.from(
      container.querySelectorAll(
        '.recharts-yAxis .recharts-cartesian-axis-tick-value',
      ),
    ).map(t => t.textContent);
  const from = Date.parse('2026-11-22T04:00:00Z');
  const points = (values: number[]): Array<[number, number]> =>
    values.map((v, i) => [from / 1000 + i * 3600, v]);

  it('scales a small percent panel to its data and thresholds instead of 0-100%', async () => {
    const { container } = await renderInTestApp(
      <MetricChart
        title="Failed jobs (24 h)"
        unit="percent"
        series={[
          {
            key: 's0_prod',
            env: 'prod',
            name: 'prod',
            points: points([0.9, 1.1, 1.3, 1.0]),
          },
        ]}
        envOrder={['prod']}
        thresholds={{ direction: 'above', warning: 3, critical: 5 }}
        fromMs={from}
        toMs={from + 3 * 3600000}
      />,
    );
    expect(yTicks(container)).toEqual(['0%', '2%', '4%', '6%']);
    expect(container.querySelectorAll('.recharts-reference-line')).toHaveLength(
      2,
    );
  });

  it('keeps a percent axis within 100% when values are high', async () => {
    const { container } = await renderInTestApp(
      <MetricChart
        title="Memory used"
        unit="percent"
        series={[
          {
            key: 's0_prod',
            env: 'prod',
            name: 'prod',
            points: points([88, 97, 99]),
          },
        ]}
        envOrder={['prod']}
        thresholds={{ direction: 'above', warning: 90 }}
        fromMs={from}
        toMs={from + 2 * 3600000}
      />,
    );
    const ticks = yTicks(container);
    expect(ticks[0]).toBe('0%');
    expect(ticks[ticks.length - 1]).toBe('100%');
  });
});

describe('MetricsTab', () => {
  registerMswTestHooks(server);

  it('loads the metrics for the URL state and toggles the layout into the URL', async () => {
    const { handler, seen } = recordingHandler(METRICS_URL, metricsResponse);
    server.use(handler);
    await renderWithEntity(<MetricsTab />, {
      entity: sparkJob,
      route:
        '/catalog/default/component/daily-sales-etl/dataops-metrics?env=dev&env=stage&range=1h',
      showLocation: true,
    });
    expect(await screen.findByTestId('panel-cpu')).toBeInTheDocument();
    expect(seen[0].searchParams.getAll('env')).toEqual(['dev', 'stage']);
    expect(seen[0].searchParams.get('from')).toBe('now-1h');
    expect(Number(seen[0].searchParams.get('step'))).toBeGreaterThanOrEqual(15);
    await userEvent.click(screen.getByRole('button', { name: 'side by side' }));
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent('layout=side'),
    );
  });

  it('opens the Logs tab where the adopter mounted it at the clicked moment', async () => {
    server.use(http.get(METRICS_URL, () => HttpResponse.json(metricsResponse)));
    await renderWithEntity(<MetricsTab />, {
      entity: sparkJob,
      route:
        '/catalog/default/component/daily-sales-etl/charts?env=dev&range=6h',
      tabs: { metrics: '/charts', logs: '/logs' },
      showLocation: true,
    });
    const panel = await screen.findByTestId('panel-cpu');
    expect(
      within(panel).getByText(/Click the chart to open the logs/),
    ).toBeInTheDocument();
    const surface = within(panel)
      .getByRole('img')
      .querySelector('.recharts-wrapper')!;
    fireEvent.mouseMove(surface, { clientX: 300, clientY: 100 });
    fireEvent.click(surface, { clientX: 300, clientY: 100 });
    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toMatch(
        /^\/catalog\/default\/component\/daily-sales-etl\/logs\?env=dev&from=/,
      ),
    );
  });

  it('keeps the charts unclickable when the app mounts no Logs tab', async () => {
    server.use(http.get(METRICS_URL, () => HttpResponse.json(metricsResponse)));
    await renderWithEntity(<MetricsTab />, {
      entity: sparkJob,
      route: '/catalog/default/component/daily-sales-etl/charts?env=dev',
      tabs: { metrics: '/charts' },
      showLocation: true,
    });
    const panel = await screen.findByTestId('panel-cpu');
    expect(within(panel).queryByText(/Click the chart/)).toBeNull();
    const surface = within(panel)
      .getByRole('img')
      .querySelector('.recharts-wrapper')!;
    fireEvent.mouseMove(surface, { clientX: 300, clientY: 100 });
    fireEvent.click(surface, { clientX: 300, clientY: 100 });
    expect(screen.getByTestId('location').textContent).toBe(
      '/catalog/default/component/daily-sales-etl/charts?env=dev',
    );
  });

  it('shows a loading state until the backend answers', async () => {
    let release: () => void = () => {};
    server.use(
      http.get(METRICS_URL, async () => {
        await new Promise<void>(r => {
          release = r;
        });
        return HttpResponse.json(metricsResponse);
      }),
    );
    await renderWithEntity(<MetricsTab />, {
      entity: sparkJob,
      route: '/catalog/default/component/daily-sales-etl/dataops-metrics',
    });
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    release();
    expect(await screen.findByTestId('panel-cpu')).toBeInTheDocument();
  });

  it('names the selector annotation when the entity has no way to query metrics', async () => {
    const custom: Entity = {
      ...icebergTable,
      spec: { type: 'custom-thing' },
      metadata: {
        ...icebergTable.metadata,
        annotations: { 'dataops.io/opensearch-index': 'logs-*' },
      },
    };
    await renderWithEntity(<MetricsTab />, { entity: custom });
    expect(
      screen.getByText('dataops.io/prometheus-selector', { selector: 'code' }),
    ).toBeInTheDocument();
  });
});
