import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { SpecValidator } from '@internal/api-spec-checks';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { IcebergRestClient } from './IcebergRestClient';
import { loadTableFixture } from '../../__testUtils__';

const spec = SpecValidator.for('iceberg');
const CATALOG = 'http://iceberg.test/catalog';
const LOAD_TABLE = '/v1/{prefix}/namespaces/{namespace}/tables/{table}';

describe('IcebergRestClient.snapshotHistory', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const table = loadTableFixture({
    count: 3,
    summary: {
      'added-records': '1200',
      'deleted-records': '0',
      'added-data-files': '4',
      'deleted-data-files': '1',
    },
  });

  beforeEach(() => {
    server.use(
      http.get(`${CATALOG}/v1/config`, () =>
        HttpResponse.json({ defaults: {}, overrides: { prefix: 'prod' } }),
      ),
      http.get(`${CATALOG}/v1/:prefix/namespaces/:ns/tables/:t`, () =>
        HttpResponse.json(table),
      ),
    );
  });

  it('lists the snapshots newest first with their summary figures, from a spec-conforming answer', async () => {
    expect(spec.checkResponse('GET', LOAD_TABLE, 200, table).errors).toEqual(
      [],
    );
    const client = new IcebergRestClient(
      { url: CATALOG, maxConcurrency: 1 },
      5000,
    );
    const { snapshots, requestPath } = await client.snapshotHistory(
      'sales.daily_orders',
    );
    expect(requestPath).toBe(
      'GET /v1/prod/namespaces/sales/tables/daily_orders',
    );
    expect(snapshots.map(s => s.timestampMs)).toEqual(
      [...snapshots.map(s => s.timestampMs)].sort((a, b) => b - a),
    );
    expect(snapshots).toHaveLength(3);
    expect(snapshots[0]).toMatchObject({
      operation: 'append',
      addedRecords: 1200,
      deletedRecords: 0,
      addedDataFiles: 4,
      deletedDataFiles: 1,
    });
  });

  it('refuses a table name that could change the path, before any request', async () => {
    const client = new IcebergRestClient(
      { url: CATALOG, maxConcurrency: 1 },
      5000,
    );
    await expect(client.snapshotHistory('sales.../x')).rejects.toThrow(/part/);
  });
});
