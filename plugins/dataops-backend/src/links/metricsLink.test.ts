/* eslint-disable no-script-url -- these tests feed script URLs on purpose, to show they never become links */
import { ConfigReader } from '@backstage/config';
import {
  buildMetricsLink,
  promDuration,
  readMetricsLinkConfig,
} from './metricsLink';

const from = Date.parse('2026-12-06T00:00:00Z') / 1000;
const range = { from, to: from + 6 * 3600, step: 60 };
const hostile = 'sum(rate(x{app="a&b=c#d",path=~"/x?y"}[5m])) + 1';

describe('readMetricsLinkConfig', () => {
  it('is absent without uiUrl', () => {
    expect(readMetricsLinkConfig(new ConfigReader({ url: 'http://t' }))).toBe(
      undefined,
    );
  });

  it('reads a base URL as the Prometheus UI, a template as Grafana, with an optional title', () => {
    expect(
      readMetricsLinkConfig(
        new ConfigReader({ uiUrl: 'https://thanos.example/' }),
      ),
    ).toEqual({
      kind: 'prometheus',
      base: 'https://thanos.example',
      title: 'Prometheus',
    });
    expect(
      readMetricsLinkConfig(
        new ConfigReader({
          uiUrl: 'https://g.example/explore?expr={{query}}',
        }),
      ),
    ).toMatchObject({ kind: 'template', title: 'Grafana' });
    expect(
      readMetricsLinkConfig(
        new ConfigReader({ uiUrl: 'https://q.example', uiTitle: 'Thanos' }),
      ),
    ).toMatchObject({ title: 'Thanos' });
  });

  it.each([
    ['javascript:alert(1)', 'thanos.uiUrl must be an http or https URL'],
    ['https://a:b@q.example', 'thanos.uiUrl must not contain credentials'],
    [
      'https://g.example/?x={{token}}',
      'thanos.uiUrl: unknown placeholder {{token}}',
    ],
  ])('refuses %s at start-up with the key', (uiUrl, message) => {
    expect(() => readMetricsLinkConfig(new ConfigReader({ uiUrl }))).toThrow(
      message,
    );
  });
});

describe('buildMetricsLink', () => {
  it('builds the Prometheus graph URL with the exact query, range, end and step', () => {
    const link = buildMetricsLink(
      {
        kind: 'prometheus',
        base: 'https://thanos.example/prefix',
        title: 'Prometheus',
      },
      hostile,
      range,
      'prod',
    )!;
    expect(link.title).toBe('Prometheus');
    const url = new URL(link.url);
    expect(url.origin + url.pathname).toBe(
      'https://thanos.example/prefix/graph',
    );
    expect(url.searchParams.get('g0.expr')).toBe(hostile);
    expect(url.searchParams.get('g0.tab')).toBe('0');
    expect(url.searchParams.get('g0.range_input')).toBe('6h');
    expect(url.searchParams.get('g0.end_input')).toBe('2026-12-06 06:00:00');
    expect(url.searchParams.get('g0.step_input')).toBe('60');
    expect(url.hash).toBe('');
    expect(Array.from(url.searchParams.keys())).toEqual([
      'g0.expr',
      'g0.tab',
      'g0.range_input',
      'g0.end_input',
      'g0.step_input',
    ]);
  });

  it('fills a Grafana Explore template, every value URL-encoded', () => {
    const config = readMetricsLinkConfig(
      new ConfigReader({
        uiUrl:
          'https://grafana.example/explore?orgId=1&left={"datasource":"thanos-{{env}}","queries":[{"refId":"A","expr":{{queryJson}}}],"range":{"from":"{{fromMs}}","to":"{{toMs}}"}}&iso={{from}}..{{to}}&q={{query}}',
      }),
    )!;
    const link = buildMetricsLink(config, hostile, range, 'prod')!;
    expect(link.title).toBe('Grafana');
    const url = new URL(link.url);
    expect(url.origin).toBe('https://grafana.example');
    expect(url.searchParams.get('q')).toBe(hostile);
    expect(url.searchParams.get('iso')).toBe(
      '2026-12-06T00:00:00.000Z..2026-12-06T06:00:00.000Z',
    );
    expect(JSON.parse(url.searchParams.get('left')!)).toEqual({
      datasource: 'thanos-prod',
      queries: [{ refId: 'A', expr: hostile }],
      range: {
        from: String(from * 1000),
        to: String((from + 6 * 3600) * 1000),
      },
    });
  });

  it.each([
    [3600, '1h'],
    [5400, '90m'],
    [86400 * 2, '2d'],
    [604800, '1w'],
    [61, '61s'],
    [0, '1s'],
  ])('writes %i seconds as %s', (seconds, text) => {
    expect(promDuration(seconds)).toBe(text);
  });
});
