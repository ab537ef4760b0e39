import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { MockFetchApi, registerMswTestHooks } from '@backstage/test-utils';
import { NotFoundError } from '@backstage/errors';
import { DataOpsClient } from './DataOpsClient';

const server = setupServer();
const baseUrl = 'http://backstage.test/api/dataops';

function client() {
  return new DataOpsClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: new MockFetchApi(),
  });
}

describe('DataOpsClient.getPipeline', () => {
  registerMswTestHooks(server);

  it('asks for the pipeline of an entity, lower-cased and escaped, with the environments', async () => {
    let seen: URL | undefined;
    server.use(
      http.get(`${baseUrl}/v1/pipeline/:ns/:kind/:name`, ({ request }) => {
        seen = new URL(request.url);
        return HttpResponse.json({ steps: [] });
      }),
    );
    const res = await client().getPipeline(
      { namespace: 'default', kind: 'System', name: 'sales analytics' },
      { envs: ['dev', 'prod'] },
    );
    expect(seen?.pathname).toBe(
      '/api/dataops/v1/pipeline/default/system/sales%20analytics',
    );
    expect(seen?.searchParams.getAll('env')).toEqual(['dev', 'prod']);
    expect(res).toEqual({ steps: [] });
  });

  it('turns a 404 into a NotFoundError', async () => {
    server.use(
      http.get(`${baseUrl}/v1/pipeline/:ns/:kind/:name`, () =>
        HttpResponse.json(
          { error: { name: 'NotFoundError', message: 'No entity x' } },
          { status: 404 },
        ),
      ),
    );
    await expect(
      client().getPipeline({
        namespace: 'default',
        kind: 'component',
        name: 'x',
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
