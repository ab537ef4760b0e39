import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { SpecValidator } from '@internal/api-spec-checks';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { IcebergRestClient } from './IcebergRestClient';
import { parseTableIdentifier } from './parseTableIdentifier';
import { loadTableFixture } from '../../__testUtils__';

const spec = SpecValidator.for('iceberg');
const CATALOG = 'http://iceberg.test/catalog';
const LOAD_TABLE = '/v1/{prefix}/namespaces/{namespace}/tables/{table}';

const loadTableResult = (count: number, summary: Record<string, string>) =>
  loadTableFixture({ count, summary });
const bloated = loadTableResult(150, {
  'added-data-files': '12',
  'total-data-files': '1800',
  'total-files-size': '96636764160',
  'total-records': '420000000',
});
const configAnswer = {
  defaults: {},
  overrides: { prefix: 'prod' },
  endpoints: [`GET ${LOAD_TABLE}`],
};
const notFound = {
  error: {
    message: 'Table does not exist: marketing.nope',
    type: 'NoSuchTableException',
    code: 404,
  },
};

describe('IcebergRestClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const requests: Array<{ url: string; auth: string | null }> = [];

  beforeEach(() => {
    requests.length = 0;
    server.use(
      http.get(`${CATALOG}/v1/config`, ({ request }) => {
        requests.push({
          url: request.url,
          auth: request.headers.get('authorization'),
        });
        return HttpResponse.json(configAnswer);
      }),
      http.get(
        `${CATALOG}/v1/:prefix/namespaces/:namespace/tables/:table`,
        ({ request, params }) => {
          requests.push({
            url: request.url,
            auth: request.headers.get('authorization'),
          });
          if (params.table === 'nope') {
            return HttpResponse.json(notFound, { status: 404 });
          }
          return HttpResponse.json(
            params.table === 'empty' ? loadTableResult(0, {}) : bloated,
          );
        },
      ),
    );
  });

  it('uses fixtures that conform to the Iceberg REST specification', () => {
    expect(spec.checkResponse('GET', '/v1/config', 200, configAnswer)).toEqual({
      valid: true,
      errors: [],
    });
    for (const body of [bloated, loadTableResult(0, {})]) {
      expect(spec.checkResponse('GET', LOAD_TABLE, 200, body)).toEqual({
        valid: true,
        errors: [],
      });
    }
    expect(spec.checkResponse('GET', LOAD_TABLE, 404, notFound).valid).toBe(
      true,
    );
  });

  function client(token?: string) {
    return new IcebergRestClient(
      { url: CATALOG, token, warehouse: 'lake', maxConcurrency: 2 },
      5000,
    );
  }

  it('reads the prefix from /v1/config once and table statistics from the current snapshot', async () => {
    const c = client('s3cret');
    const stats = await c.tableStats('marketing.web_sessions');
    expect(stats).toEqual({
      snapshotCount: 150,
      currentSnapshotId: 1149,
      dataFiles: 1800,
      totalFilesBytes: 96636764160,
      totalRecords: 420000000,
      addedDataFiles: 12,
      lastCommitMs: 1767225600000 + 149 * 600_000,
      formatVersion: 2,
      requestPath: 'GET /v1/prod/namespaces/marketing/tables/web_sessions',
    });
    await c.tableStats('marketing.web_sessions');
    expect(requests.map(r => new URL(r.url).pathname)).toEqual([
      '/catalog/v1/config',
      '/catalog/v1/prod/namespaces/marketing/tables/web_sessions',
      '/catalog/v1/prod/namespaces/marketing/tables/web_sessions',
    ]);
    expect(new URL(requests[0].url).searchParams.get('warehouse')).toBe('lake');
    expect(new URL(requests[1].url).searchParams.get('snapshots')).toBe('all');
    expect(requests.every(r => r.auth === 'Bearer s3cret')).toBe(true);
  });

  it('joins nested namespaces with the unit separator', async () => {
    await client().tableStats('lake.marketing.web_sessions');
    expect(requests[1].url).toContain('/namespaces/lake%1Fmarketing/tables/');
    expect(requests[1].auth).toBeNull();
  });

  it('reports a table without snapshots as having none, with no file statistics', async () => {
    const stats = await client().tableStats('marketing.empty');
    expect(stats.snapshotCount).toBe(0);
    expect(stats.currentSnapshotId).toBeUndefined();
    expect(stats.dataFiles).toBeUndefined();
  });

  it('turns a missing table into an error naming it', async () => {
    await expect(client().tableStats('marketing.nope')).rejects.toMatchObject({
      type: 'UPSTREAM_ERROR',
      source: 'iceberg',
      statusCode: 404,
      message: 'table marketing.nope does not exist in the Iceberg catalog',
    });
  });

  it('rejects answers without table metadata', async () => {
    server.use(
      http.get(`${CATALOG}/v1/:prefix/namespaces/:ns/tables/:t`, () =>
        HttpResponse.json({ config: {} }),
      ),
    );
    await expect(client().tableStats('a.b')).rejects.toMatchObject({
      type: 'BAD_RESPONSE',
    });
  });

  it('asks for the config again after it failed', async () => {
    let calls = 0;
    server.use(
      http.get(`${CATALOG}/v1/config`, () => {
        calls++;
        return calls === 1
          ? HttpResponse.json({ error: 'down' }, { status: 503 })
          : HttpResponse.json({ defaults: {}, overrides: {} });
      }),
    );
    const c = new IcebergRestClient(
      { url: CATALOG, prefix: 'fallback', maxConcurrency: 1 },
      5000,
    );
    await expect(c.tableStats('a.b')).rejects.toMatchObject({
      statusCode: 503,
    });
    await c.tableStats('a.b');
    expect(requests.map(r => new URL(r.url).pathname)).toEqual([
      '/catalog/v1/fallback/namespaces/a/tables/b',
    ]);
  });

  it.each([
    ['web_sessions', /not of the form namespace.table/],
    ['marketing.web sessions', /part 'web sessions'/],
    ['marketing../etc', /part ''/],
    ['marketing.%2e%2e', /part '%2e%2e'/],
    ['a.b?x=1', /part 'b\?x=1'/],
  ])('refuses table name %s before any request', async (name, message) => {
    expect(() => parseTableIdentifier(name)).toThrow(message);
    await expect(client().tableStats(name)).rejects.toThrow(message);
    expect(requests).toEqual([]);
  });
});
