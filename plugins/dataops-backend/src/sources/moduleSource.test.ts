import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  ConcurrencyLimiter,
  DataOpsSourceClientContext,
  DataOpsView,
  createDataOpsSource,
  dataopsSourcesExtensionPoint,
  dataopsViewsExtensionPoint,
  fetchJson,
  readSourceConcurrency,
  readSourceUrl,
} from '@dataops-observability/plugin-dataops-node';
import request from 'supertest';
import { dataopsPlugin } from '../plugin';

/**
 * A module adding a source and a view through the extension points alone, as an adopter's backend would:
 * a consumer-lag service configured per environment as `toy: { url, tenant, token }`.
 */
interface ToyConfig {
  url: string;
  tenant: string;
  token: string;
  maxConcurrency: number;
}

class ToyClient {
  private readonly limiter: ConcurrencyLimiter;

  constructor(
    readonly config: ToyConfig,
    private readonly ctx: DataOpsSourceClientContext,
  ) {
    this.limiter = new ConcurrencyLimiter(config.maxConcurrency);
  }

  lag(group: string, signal: AbortSignal): Promise<{ lag: number }> {
    const { url, tenant, token } = this.config;
    return fetchJson(
      `${url}/tenants/${tenant}/lag?group=${encodeURIComponent(group)}`,
      { headers: { authorization: `Bearer ${token}` } },
      {
        source: 'toy',
        timeoutMs: this.ctx.timeoutMs,
        maxResponseBytes: this.ctx.maxResponseBytes,
        limiter: this.limiter,
        signal,
      },
    );
  }
}

const toySource = createDataOpsSource({
  id: 'toy',
  readConfig: ({ config: env }) => {
    if (!env.has('toy')) {
      return undefined;
    }
    const config = env.getConfig('toy');
    return {
      url: readSourceUrl(config, 'toy'),
      tenant: config.getString('tenant'),
      token: config.getString('token'),
      maxConcurrency: readSourceConcurrency(config, 'toy'),
    };
  },
  createClient: (config, ctx) => new ToyClient(config, ctx),
  environmentInfo: config => ({ toyTenant: config?.tenant ?? null }),
});

const toyView: DataOpsView<{ group: string; lag: number }> = {
  name: 'toy-lag',
  ttlSeconds: 30,
  async run(ctx) {
    const client = ctx.source(toySource);
    const group = ctx.entity.metadata.name;
    const { lag } = await client.lag(group, ctx.signal);
    return { group, lag };
  },
};

const toyModule = createBackendModule({
  pluginId: 'dataops',
  moduleId: 'toy',
  register(reg) {
    reg.registerInit({
      deps: {
        sources: dataopsSourcesExtensionPoint,
        views: dataopsViewsExtensionPoint,
      },
      async init({ sources, views }) {
        sources.addSource(toySource);
        views.addView(toyView);
      },
    });
  },
});

const TOKEN = 'toy-secret-token-123';

/** The toy upstream on loopback: tenant `acme` answers, tenant `broken` is overloaded and echoes the token. */
async function startToyUpstream() {
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    seen.push(`${req.url} ${req.headers.authorization}`);
    res.setHeader('content-type', 'application/json');
    if (req.url?.startsWith('/tenants/acme/lag?group=toy-job')) {
      res.end(JSON.stringify({ lag: 42 }));
      return;
    }
    res.statusCode = 503;
    res.end(
      JSON.stringify({
        error: `overloaded; you sent ${req.headers.authorization}`,
      }),
    );
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'toy-job', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/team-a' },
};

describe('a module adding a source and a view through the extension points', () => {
  let upstream: Awaited<ReturnType<typeof startToyUpstream>>;
  beforeAll(async () => {
    upstream = await startToyUpstream();
  });
  afterAll(() => upstream.close());

  const start = (environments: object[]) =>
    startTestBackend({
      features: [
        dataopsPlugin,
        toyModule,
        catalogServiceMock.factory({ entities: [entity] }),
        mockServices.rootConfig.factory({
          data: { dataops: { environments } },
        }),
      ],
    });

  const environments = () => [
    { name: 'dev', toy: { url: upstream.url, tenant: 'acme', token: TOKEN } },
    {
      name: 'stage',
      toy: { url: upstream.url, tenant: 'broken', token: TOKEN },
    },
    { name: 'prod' },
  ];

  it('lists the source on v1/environments for the environments that configure it', async () => {
    const backend = await start(environments());
    const res = await request(backend.server).get(
      '/api/dataops/v1/environments',
    );
    expect(res.status).toBe(200);
    const builtIn = {
      thanos: false,
      opensearch: false,
      argocd: false,
      alertmanager: false,
      iceberg: false,
      airflow: false,
      sparkHistory: false,
    };
    expect(res.body.environments).toEqual([
      {
        name: 'dev',
        sources: { ...builtIn, toy: true },
        argocdInstances: [],
        toyTenant: 'acme',
      },
      {
        name: 'stage',
        sources: { ...builtIn, toy: true },
        argocdInstances: [],
        toyTenant: 'broken',
      },
      {
        name: 'prod',
        sources: { ...builtIn, toy: false },
        argocdInstances: [],
        toyTenant: null,
      },
    ]);
    expect(JSON.stringify(res.body)).not.toContain(TOKEN);
    await backend.stop();
  });

  it('serves the view per environment: data, not-configured, and the typed error of a failing upstream', async () => {
    const backend = await start(environments());
    const res = await request(backend.server).get(
      '/api/dataops/v1/entity/default/component/toy-job/toy-lag',
    );
    expect(res.status).toBe(200);
    expect(res.body.entityRef).toBe('component:default/toy-job');
    expect(res.body.environments).toEqual([
      { env: 'dev', status: 'ok', data: { group: 'toy-job', lag: 42 } },
      {
        env: 'stage',
        status: 'error',
        error: {
          type: 'UPSTREAM_ERROR',
          source: 'toy',
          statusCode: 503,
          // The shared helper redacts the credentials the upstream echoed back.
          message: 'toy answered 503: overloaded; you sent ****',
        },
      },
      { env: 'prod', status: 'not-configured', source: 'toy' },
    ]);
    expect(upstream.seen).toContain(
      `/tenants/acme/lag?group=toy-job Bearer ${TOKEN}`,
    );
    await backend.stop();
  });

  it('stops the backend on a bad setting, naming the environment and field', async () => {
    await expect(
      start([
        { name: 'dev', toy: { url: 'ftp://x', tenant: 't', token: 't' } },
      ]),
    ).rejects.toThrow(
      "Invalid dataops environment 'dev': toy.url must be http or https",
    );
  });
});
