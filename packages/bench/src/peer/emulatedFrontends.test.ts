import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  PeerArgocdFrontend,
  viewDataopsDeployments,
} from './emulatedFrontends';

const app = (instance: string, sync: string, health: string) => ({
  metadata: { name: 'etl', instance: { name: instance } },
  status: { sync: { status: sync }, health: { status: health } },
});

/** Answers by exact path (with query); records every path asked for. */
async function stubBackend(answers: Record<string, [number, unknown]>) {
  const asked: string[] = [];
  const server: Server = createServer((req, res) => {
    asked.push(req.url!);
    const [status, body] = answers[req.url!] ?? [404, { error: 'no stub' }];
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    asked,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

describe('PeerArgocdFrontend', () => {
  const found = [
    {
      name: 'dev-argocd',
      appName: ['etl'],
      applications: [app('dev-argocd', 'Synced', 'Healthy')],
    },
    {
      name: 'prod-argocd',
      appName: ['etl'],
      applications: [app('prod-argocd', 'OutOfSync', 'Healthy')],
    },
  ];

  it('checks the backend once per page load, then finds the application expanded', async () => {
    const stub = await stubBackend({
      '/check': [200, 'OK'],
      '/find/name/etl?expand=applications': [200, found],
    });
    try {
      const frontend = new PeerArgocdFrontend(stub.url, 'expand');
      const first = await frontend.view('etl');
      expect(first).toEqual({
        statuses: {
          'dev-argocd': 'Synced/Healthy',
          'prod-argocd': 'OutOfSync/Healthy',
        },
        failed: [],
        backendRequests: 2,
      });
      expect((await frontend.view('etl')).backendRequests).toBe(1);
      frontend.reload();
      expect((await frontend.view('etl')).backendRequests).toBe(2);
      expect(stub.asked).toEqual([
        '/check',
        '/find/name/etl?expand=applications',
        '/find/name/etl?expand=applications',
        '/check',
        '/find/name/etl?expand=applications',
      ]);
    } finally {
      await stub.close();
    }
  });

  it('asks every instance that has the application when find is not expanded', async () => {
    const stub = await stubBackend({
      '/check': [200, 'OK'],
      '/find/name/etl': [200, found.map(({ applications, ...rest }) => rest)],
      '/argoInstance/dev-argocd/applications/etl': [
        200,
        app('dev-argocd', 'Synced', 'Healthy'),
      ],
      '/argoInstance/prod-argocd/applications/etl': [
        200,
        app('prod-argocd', 'Synced', 'Degraded'),
      ],
    });
    try {
      const view = await new PeerArgocdFrontend(stub.url, 'find-then-get').view(
        'etl',
      );
      expect(view).toEqual({
        statuses: {
          'dev-argocd': 'Synced/Healthy',
          'prod-argocd': 'Synced/Degraded',
        },
        failed: [],
        backendRequests: 4,
      });
    } finally {
      await stub.close();
    }
  });

  it('shows no environment when find fails or one instance request fails, as the card does', async () => {
    const stub = await stubBackend({
      '/check': [200, 'OK'],
      '/find/name/etl?expand=applications': [500, { error: 'instance down' }],
      '/find/name/etl': [200, found.map(({ applications, ...rest }) => rest)],
      '/argoInstance/dev-argocd/applications/etl': [
        200,
        app('dev-argocd', 'Synced', 'Healthy'),
      ],
      '/argoInstance/prod-argocd/applications/etl': [500, { error: 'down' }],
    });
    try {
      for (const lookup of ['expand', 'find-then-get'] as const) {
        const view = await new PeerArgocdFrontend(stub.url, lookup).view('etl');
        expect(view.statuses).toEqual({});
        expect(view.failed).toEqual(['*']);
      }
    } finally {
      await stub.close();
    }
  });
});

describe('viewDataopsDeployments', () => {
  const path =
    '/api/dataops/v1/entity/default/component/etl/deployments?from=now-6h&to=now&step=90';

  it('asks once for every environment and marks the failed ones', async () => {
    const stub = await stubBackend({
      [path]: [
        200,
        {
          environments: [
            {
              env: 'dev',
              status: 'ok',
              data: {
                applications: [
                  {
                    instance: 'dev-argocd',
                    syncStatus: 'Synced',
                    healthStatus: 'Healthy',
                  },
                ],
              },
            },
            { env: 'prod', status: 'error', error: { type: 'UNAVAILABLE' } },
          ],
        },
      ],
    });
    try {
      expect(await viewDataopsDeployments(stub.url, 'etl')).toEqual({
        statuses: { 'dev-argocd': 'Synced/Healthy' },
        failed: ['prod'],
        backendRequests: 1,
      });
      expect(stub.asked).toEqual([path]);
    } finally {
      await stub.close();
    }
  });

  it('shows nothing when the request fails', async () => {
    const stub = await stubBackend({ [path]: [500, { error: 'boom' }] });
    try {
      expect(await viewDataopsDeployments(stub.url, 'etl')).toEqual({
        statuses: {},
        failed: ['*'],
        backendRequests: 1,
      });
    } finally {
      await stub.close();
    }
  });
});
