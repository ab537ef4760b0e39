import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { MockFetchApi, registerMswTestHooks } from '@backstage/test-utils';
import { NotFoundError } from '@backstage/errors';
import { DataOpsClient } from './DataOpsClient';
import { DataOpsBackendMissingError } from './DataOpsBackendMissingError';

const server = setupServer();
const baseUrl = 'http://backstage.test/api/dataops';
const entity = {
  namespace: 'default',
  kind: 'Component',
  name: 'daily-sales-etl',
};

function client() {
  return new DataOpsClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: new MockFetchApi(),
  });
}

describe('DataOpsClient', () => {
  registerMswTestHooks(server);

  it('asks for an entity view with every environment and the range', async () => {
    let seen: URL | undefined;
    server.use(
      http.get(
        `${baseUrl}/v1/entity/:ns/:kind/:name/:view`,
        ({ request, params }) => {
          seen = new URL(request.url);
          return HttpResponse.json({
            entityRef: `${params.kind}:${params.ns}/${params.name}`,
            environments: [{ env: 'dev', status: 'ok', data: { areas: {} } }],
          });
        },
      ),
    );
    const res = await client().getEntityView(entity, 'summary', {
      envs: ['dev', 'prod'],
      from: 'now-6h',
      to: 'now',
      step: 60,
    });
    expect(seen?.pathname).toBe(
      '/api/dataops/v1/entity/default/component/daily-sales-etl/summary',
    );
    expect(seen?.searchParams.getAll('env')).toEqual(['dev', 'prod']);
    expect(seen?.searchParams.get('from')).toBe('now-6h');
    expect(seen?.searchParams.get('to')).toBe('now');
    expect(seen?.searchParams.get('step')).toBe('60');
    expect(res.entityRef).toBe('component:default/daily-sales-etl');
  });

  it('sends the logs parameters', async () => {
    let seen: URL | undefined;
    server.use(
      http.get(
        `${baseUrl}/v1/entity/default/component/daily-sales-etl/logs`,
        ({ request }) => {
          seen = new URL(request.url);
          return HttpResponse.json({ entityRef: 'x', environments: [] });
        },
      ),
    );
    await client().getLogs(entity, {
      envs: ['prod'],
      q: 'OutOfMemory & more',
      level: ['error', 'warn'],
      cursor: 'abc',
      size: 200,
    });
    expect(seen?.searchParams.get('q')).toBe('OutOfMemory & more');
    expect(seen?.searchParams.getAll('level')).toEqual(['error', 'warn']);
    expect(seen?.searchParams.get('cursor')).toBe('abc');
    expect(seen?.searchParams.get('size')).toBe('200');
    expect(seen?.searchParams.getAll('env')).toEqual(['prod']);
  });

  it('escapes entity names in the path', async () => {
    let path = '';
    server.use(
      http.get(`${baseUrl}/v1/entity/*`, ({ request }) => {
        path = new URL(request.url).pathname;
        return HttpResponse.json({ entityRef: 'x', environments: [] });
      }),
    );
    await client().getEntityView(
      { namespace: 'default', kind: 'Resource', name: 'a/b?c' },
      'storage',
    );
    expect(path).toBe(
      '/api/dataops/v1/entity/default/resource/a%2Fb%3Fc/storage',
    );
  });

  it('fetches environments and team alerts', async () => {
    let owner: string | null = null;
    server.use(
      http.get(`${baseUrl}/v1/environments`, () =>
        HttpResponse.json({
          environments: [{ name: 'dev', sources: { thanos: true } }],
        }),
      ),
      http.get(`${baseUrl}/v1/alerts`, ({ request }) => {
        owner = new URL(request.url).searchParams.get('owner');
        return HttpResponse.json({ alerts: [] });
      }),
    );
    const envs = await client().getEnvironments();
    expect(envs.environments.map(e => e.name)).toEqual(['dev']);
    await client().getTeamAlerts('group:default/sales-data');
    expect(owner).toBe('group:default/sales-data');
  });

  it('asks for the incidents of a group, optionally narrowed', async () => {
    const seen: URLSearchParams[] = [];
    server.use(
      http.get(`${baseUrl}/v1/incidents`, ({ request }) => {
        seen.push(new URL(request.url).searchParams);
        return HttpResponse.json({ owner: 'group:default/sales-data' });
      }),
    );
    const res = await client().getIncidents('group:default/sales-data');
    expect(res.owner).toBe('group:default/sales-data');
    await client().getIncidents('group:default/sales-data', {
      days: 7,
      entityRef: 'component:default/daily-sales-etl',
    });
    expect(seen.map(p => p.toString())).toEqual([
      'owner=group%3Adefault%2Fsales-data',
      'owner=group%3Adefault%2Fsales-data&days=7&entity=component%3Adefault%2Fdaily-sales-etl',
    ]);
  });

  it('downloads the routing tree as text with the user token', async () => {
    const yaml = 'route:\n  receiver: dataops-unowned\n';
    let authorization: string | null = null;
    server.use(
      http.get(`${baseUrl}/v1/alert-routing`, ({ request }) => {
        authorization = request.headers.get('authorization');
        return new HttpResponse(yaml, {
          headers: { 'content-type': 'text/yaml; charset=utf-8' },
        });
      }),
    );
    const withToken = new DataOpsClient({
      discoveryApi: { getBaseUrl: async () => baseUrl },
      fetchApi: new MockFetchApi({
        injectIdentityAuth: { token: 'user-token' },
      }),
    });
    await expect(withToken.getAlertRouting()).resolves.toBe(yaml);
    expect(authorization).toBe('Bearer user-token');
  });

  it('turns a failed routing tree request into a clear error', async () => {
    server.use(
      http.get(`${baseUrl}/v1/alert-routing`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotAllowedError',
              message: 'Only users and services may read the routing tree',
            },
          },
          { status: 403 },
        ),
      ),
    );
    await expect(client().getAlertRouting()).rejects.toThrow(
      /403.*Only users and services may read the routing tree/,
    );
    server.use(
      http.get(
        `${baseUrl}/v1/alert-routing`,
        () => new HttpResponse(null, { status: 404 }),
      ),
    );
    await expect(client().getAlertRouting()).rejects.toBeInstanceOf(
      DataOpsBackendMissingError,
    );
  });

  it('turns a 404 from the backend into a NotFoundError with its message', async () => {
    server.use(
      http.get(`${baseUrl}/v1/entity/*`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotFoundError',
              message: 'No entity component:default/nope',
            },
          },
          { status: 404 },
        ),
      ),
    );
    const p = client().getEntityView(entity, 'summary');
    await expect(p).rejects.toBeInstanceOf(NotFoundError);
    await expect(client().getEntityView(entity, 'summary')).rejects.toThrow(
      'No entity component:default/nope',
    );
  });

  it('says the backend plugin is missing on a bare 404', async () => {
    server.use(
      http.get(
        `${baseUrl}/v1/*`,
        () => new HttpResponse(null, { status: 404 }),
      ),
    );
    const p = client().getEnvironments();
    await expect(p).rejects.toBeInstanceOf(DataOpsBackendMissingError);
    await expect(client().getEnvironments()).rejects.toThrow(
      /DataOps backend plugin not installed/,
    );
  });

  it('surfaces the message of a 400', async () => {
    server.use(
      http.get(`${baseUrl}/v1/entity/*`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message: 'Invalid time range: from is after to',
            },
          },
          { status: 400 },
        ),
      ),
    );
    await expect(client().getEntityView(entity, 'metrics')).rejects.toThrow(
      /Invalid time range: from is after to/,
    );
  });
});
