import { startAlertmanager, startPrometheus } from './spawnServers';
import { toOpenMetrics } from './openMetrics';

jest.setTimeout(120_000);

describe('spawned servers', () => {
  it('serves backfilled history from a real Prometheus', async () => {
    const end = Math.floor(Date.now() / 1000) - 120;
    const prom = await startPrometheus({
      openMetrics: toOpenMetrics(
        [
          {
            name: 'probe_value',
            labels: { a: 'b' },
            value: t => (t % 600 === 0 ? 1 : 2),
          },
        ],
        { start: end - 3600, end, intervalSeconds: 60 },
      ),
    });
    try {
      const response = await fetch(
        `${prom.url}/api/v1/query?query=count_over_time(probe_value[1h])&time=${end}`,
      );
      const body = await response.json();
      expect(body.data.result[0].metric).toEqual({ a: 'b' });
      expect(Number(body.data.result[0].value[1])).toBe(61); // both ends of the 1 h window are inclusive in Prometheus 2.x
    } finally {
      await prom.stop();
    }
  });

  it('accepts and lists alerts on a real Alertmanager', async () => {
    const am = await startAlertmanager();
    try {
      await am.postAlerts([
        { labels: { alertname: 'Probe', severity: 'info' } },
      ]);
      const alerts = await (await fetch(`${am.url}/api/v2/alerts`)).json();
      expect(alerts.map((a: any) => a.labels.alertname)).toEqual(['Probe']);
    } finally {
      await am.stop();
    }
  });
});
