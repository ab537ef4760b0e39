import { counterSamples, toOpenMetrics } from './openMetrics';
import { seriesValues } from './ruleUnitTests';
import { startPrometheusWithHistory } from './startPrometheusWithHistory';
import { requireBinary } from './binaries';

describe('test helpers', () => {
  it('write OpenMetrics with second timestamps and # EOF', () => {
    const text = toOpenMetrics([
      {
        metric: 'spark_app_runs_total',
        labels: { app: 'a"b' },
        samples: counterSamples({
          start: 100,
          end: 220,
          step: 60,
          increment: () => 2,
        }),
      },
    ]);
    expect(text).toBe(
      'spark_app_runs_total{app="a\\"b"} 0 100\nspark_app_runs_total{app="a\\"b"} 2 160\n' +
        'spark_app_runs_total{app="a\\"b"} 4 220\n# EOF\n',
    );
    expect(() =>
      toOpenMetrics([
        {
          metric: 'x',
          labels: {},
          samples: [
            [2, 1],
            [1, 2],
          ],
        },
      ]),
    ).toThrow(/increasing time order/);
  });

  it('write promtool expanding notation that continues across stretches', () => {
    expect(
      seriesValues([
        { minutes: 3, increment: 10 },
        { minutes: 1, increment: 5 },
        { minutes: 2, increment: 0 },
      ]),
    ).toBe('0 10+10x2 35 35+0x1');
  });

  it('explain a missing binary', () => {
    expect(() => requireBinary('no-such-prometheus-binary')).toThrow(
      /'no-such-prometheus-binary' was not found on PATH/,
    );
  });

  it('report a backfill promtool rejects', async () => {
    await expect(
      startPrometheusWithHistory('not openmetrics at all\n'),
    ).rejects.toThrow(/promtool backfill failed/);
  }, 120_000);
});
