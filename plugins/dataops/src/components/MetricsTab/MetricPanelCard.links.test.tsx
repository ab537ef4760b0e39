/* eslint-disable no-script-url -- script URLs are the input under test: they must never turn into links */
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import type {
  EnvironmentResult,
  MetricPanel,
  MetricsData,
} from '@dataops-observability/plugin-dataops-common';
import { MetricPanelCard } from './MetricPanelCard';

const FROM = Date.parse('2026-11-22T09:00:00Z');
const TO = Date.parse('2026-11-22T11:00:00Z');

const basePanel: MetricPanel = {
  id: 'cpu',
  title: 'CPU usage',
  unit: 'percent',
  query: 'sum(rate(container_cpu_usage_seconds_total[5m]))',
  state: 'empty',
  stateReason: 'no samples in range',
  series: [],
  level: 'unknown',
};

function env(
  name: string,
  link?: MetricPanel['link'],
): EnvironmentResult<MetricsData> {
  return {
    env: name,
    status: 'ok',
    data: { panels: [{ ...basePanel, link }] },
  };
}

async function renderCard(environments: EnvironmentResult<MetricsData>[]) {
  await renderInTestApp(
    <MetricPanelCard
      panelId="cpu"
      environments={environments}
      layout="overlay"
      fromMs={FROM}
      toMs={TO}
    />,
  );
}

describe('MetricPanelCard links', () => {
  it('links each environment to its query UI, named by the link title', async () => {
    await renderCard([
      env('dev', {
        url: 'https://thanos.dev.example/graph?g0.expr=up',
        title: 'Prometheus',
      }),
      env('prod', {
        url: 'https://grafana.prod.example/explore?left=x',
        title: 'Grafana',
      }),
    ]);
    const dev = screen.getByRole('link', { name: 'Open in Prometheus (dev)' });
    expect(dev).toHaveAttribute(
      'href',
      'https://thanos.dev.example/graph?g0.expr=up',
    );
    expect(dev).toHaveAttribute('target', '_blank');
    expect(dev).toHaveAttribute('rel', 'noopener noreferrer');
    expect(
      screen.getByRole('link', { name: 'Open in Grafana (prod)' }),
    ).toHaveAttribute('href', 'https://grafana.prod.example/explore?left=x');
  });

  it('shows no link when the panel carries none', async () => {
    await renderCard([env('dev')]);
    expect(screen.getByText('CPU usage')).toBeInTheDocument();
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.queryByText(/Open in/)).toBeNull();
  });

  it('never renders a javascript: URL as a link', async () => {
    await renderCard([
      env('dev', { url: 'javascript:alert(1)', title: 'Prometheus' }),
      env('stage', { url: ' JavaScript:alert(1)', title: 'Grafana' }),
    ]);
    expect(screen.getByText('CPU usage')).toBeInTheDocument();
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.queryByText(/Open in/)).toBeNull();
  });
});
