import { startSandbox } from '../server';
import { Faults, loadCatalog, Scenario } from '../scenario';

jest.setTimeout(60000);

describe('the fake Alertmanager filters', () => {
  const scenario = new Scenario(loadCatalog(), Date.now(), new Faults('', ''));

  const count = async (url: string, filter: string) => {
    const res = await fetch(`${url}/prod/alertmanager/api/v2/alerts?${new URLSearchParams({ filter })}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as unknown[]).length;
  };

  it('reads label names as data and regexes as RE2, as Alertmanager does', async () => {
    const sandbox = await startSandbox({ scenario, port: 0 });
    try {
      const all = await count(sandbox.url, 'alertname=~".+"');
      expect(all).toBeGreaterThan(0);
      for (const name of Object.getOwnPropertyNames(Object.prototype).filter(n => /^[a-zA-Z_]\w*$/.test(n))) {
        expect(await count(sandbox.url, `${name}=~".+"`)).toBe(0);
      }
      expect(await count(sandbox.url, 'alertname=~"(?i)[A-Z].*"')).toBe(all);
      const started = Date.now();
      expect(await count(sandbox.url, 'alertname=~"([A-Za-z]+)+!"')).toBe(0);
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      await sandbox.close();
    }
  });
});
