import { SpecValidator } from '@internal/api-spec-checks';
import { RunningSandbox, startSandbox } from '../server';
import { Faults, loadCatalog, Scenario } from '../scenario';

jest.setTimeout(60000);

const spec = SpecValidator.for('iceberg');
const LOAD_TABLE = '/v1/{prefix}/namespaces/{namespace}/tables/{table}';
const auth = { headers: { Authorization: 'Bearer sandbox-iceberg-token' } };

describe('sandbox Iceberg REST catalog', () => {
  let sandbox: RunningSandbox;
  const get = async (path: string, init: RequestInit = auth) => {
    const res = await fetch(`${sandbox.url}${path}`, init);
    return { status: res.status, body: (await res.json()) as any };
  };
  const promValue = async (env: string, query: string) => {
    const { body } = await get(`/${env}/prometheus/api/v1/query?query=${encodeURIComponent(query)}`, {});
    return Number(body.data.result[0].value[1]);
  };

  beforeAll(async () => {
    const scenario = new Scenario(loadCatalog(), Math.floor(Date.now() / 60000) * 60000, new Faults('', ''));
    sandbox = await startSandbox({ scenario, port: 0 });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('answers /v1/config with the environment as prefix, per the spec', async () => {
    const { status, body } = await get('/prod/iceberg/v1/config?warehouse=lake');
    expect(status).toBe(200);
    expect(spec.checkResponse('GET', '/v1/config', 200, body).errors).toEqual([]);
    expect(body.overrides.prefix).toBe('prod');
  });

  it('serves the bloated prod table consistently with its iceberg_* metrics', async () => {
    const { status, body } = await get('/prod/iceberg/v1/prod/namespaces/marketing/tables/web_sessions');
    expect(status).toBe(200);
    expect(spec.checkResponse('GET', LOAD_TABLE, 200, body).errors).toEqual([]);
    const { metadata } = body;
    expect(metadata.snapshots).toHaveLength(150);
    expect(await promValue('prod', 'iceberg_table_snapshots{table="marketing.web_sessions"}')).toBe(150);
    const current = metadata.snapshots.find((s: any) => s['snapshot-id'] === metadata['current-snapshot-id']);
    const files = Number(current.summary['total-data-files']);
    expect(files).toBeGreaterThan(1000);
    // 40 % small (16 MiB) and 60 % full-size (128 MiB) files.
    const small = Math.round(files * 0.4);
    expect(Number(current.summary['total-files-size'])).toBe((small * 16 + (files - small) * 128) * 1024 * 1024);
    const ratio = await promValue(
      'prod',
      'iceberg_table_small_files{table="marketing.web_sessions"} / iceberg_table_data_files{table="marketing.web_sessions"}',
    );
    expect(ratio).toBeCloseTo(0.4, 2);
  });

  it('serves healthy tables with the snapshot count the exporter reports', async () => {
    const { body } = await get('/stage/iceberg/v1/stage/namespaces/sales/tables/daily_orders');
    expect(spec.checkResponse('GET', LOAD_TABLE, 200, body).errors).toEqual([]);
    const count = body.metadata.snapshots.length;
    expect(count).toBeLessThan(100);
    expect(await promValue('stage', 'iceberg_table_snapshots{table="sales.daily_orders"}')).toBe(count);
    const last = body.metadata.snapshots[count - 1]['timestamp-ms'];
    expect(Date.now() - last).toBeLessThan(600_000 + 5000);
  });

  it('answers unknown tables, other prefixes and missing tokens with spec errors', async () => {
    for (const path of [
      '/prod/iceberg/v1/prod/namespaces/marketing/tables/nope',
      '/prod/iceberg/v1/dev/namespaces/marketing/tables/web_sessions',
      // warehouse.inventory_snapshots is not in dev (dataops.io/environments: stage,prod).
      '/dev/iceberg/v1/dev/namespaces/warehouse/tables/inventory_snapshots',
    ]) {
      const { status, body } = await get(path);
      expect(status).toBe(404);
      expect(spec.checkResponse('GET', LOAD_TABLE, 404, body).errors).toEqual([]);
    }
    const { status } = await get('/prod/iceberg/v1/config', {});
    expect(status).toBe(401);
  });
});

describe('sandbox Iceberg REST catalog faults', () => {
  it('answers 503 in the spec shape when down and waits when slow, like the other fakes', async () => {
    const scenario = new Scenario(loadCatalog(), Math.floor(Date.now() / 60000) * 60000, new Faults('prod:iceberg,stage', 'dev:iceberg=300'));
    const sandbox = await startSandbox({ scenario, port: 0 });
    try {
      for (const path of ['/prod/iceberg/v1/config', '/stage/iceberg/v1/stage/namespaces/sales/tables/daily_orders']) {
        const down = await fetch(`${sandbox.url}${path}`, auth);
        const body = (await down.json()) as any;
        expect({ path, status: down.status }).toEqual({ path, status: 503 });
        expect(spec.checkResponse('GET', '/v1/config', 503, body).errors).toEqual([]);
        expect(body.error.message).toMatch(/iceberg of (prod|stage) is down/);
      }
      // Only the named service of prod is down.
      expect((await fetch(`${sandbox.url}/prod/prometheus/api/v1/query?query=up`)).status).toBe(200);
      const started = Date.now();
      const slow = await fetch(`${sandbox.url}/dev/iceberg/v1/config`, auth);
      expect(slow.status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    } finally {
      await sandbox.close();
    }
  });
});
