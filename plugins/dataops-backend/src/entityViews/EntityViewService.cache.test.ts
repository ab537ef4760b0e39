import { cacheServiceFactory } from '@backstage/backend-defaults/cache';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import request from 'supertest';
import { dataopsPlugin } from '../plugin';
import { scenarioEntity } from '../__testUtils__';

jest.setTimeout(60_000);

const THANOS = 'http://thanos.test';

/**
 * Uses the Redis the machines run (127.0.0.1:6379) as Backstage's cache store, like production, to show that
 * two backend instances share answers and that identical requests in flight share one computation.
 */
describe('view cache and single-flight', () => {
  let calls = 0;
  const msw = setupServer(
    http.post(
      `${THANOS}/api/v1/:endpoint`,
      async ({ params }) => {
        // Every upstream call counts; a panel's freshness probe rides in its own query (see judgeFreshness).
        calls++;
        await delay(200);
        if (params.endpoint === 'series') {
          return HttpResponse.json({ status: 'success', data: [] });
        }
        return HttpResponse.json({
          status: 'success',
          data: {
            resultType: 'matrix',
            result: [{ metric: {}, values: [[1767261600, '1']] }],
          },
        });
      },
    ),
  );
  beforeAll(() => msw.listen({ onUnhandledRequest: 'bypass' }));
  afterAll(() => msw.close());

  const features = () => [
    dataopsPlugin,
    cacheServiceFactory,
    catalogServiceMock.factory({ entities: [scenarioEntity('prod')] }),
    mockServices.rootConfig.factory({
      data: {
        backend: {
          cache: { store: 'redis', connection: 'redis://127.0.0.1:6379' },
        },
        dataops: {
          environments: [{ name: 'prod', thanos: { url: THANOS } }],
          // Panels of their own, so the count below does not follow the defaults.
          panels: {
            'spark-job': [
              { id: 'a', query: 'sum(metric_a)' },
              { id: 'b', query: 'sum(metric_b)' },
              { id: 'c', query: 'sum(metric_c)' },
            ],
          },
        },
      },
    }),
  ];

  it('shares cached answers between two instances and single-flights identical requests', async () => {
    const a = await startTestBackend({ features: features() });
    const b = await startTestBackend({ features: features() });
    // A fresh absolute range per run keeps earlier runs' entries out of the way.
    const to = Date.UTC(2026, 0, 1) + Math.floor(Math.random() * 1e9) * 1000;
    const path = `/api/dataops/v1/entity/default/component/daily-sales-etl/metrics?from=${new Date(
      to - 3600_000,
    ).toISOString()}&to=${new Date(to).toISOString()}`;

    const [first, second] = await Promise.all([
      request(a.server).get(path),
      request(a.server).get(path),
    ]);
    expect(first.status).toBe(200);
    expect(second.body).toEqual(first.body);
    const perPageView = calls;
    // 3 panels, each a range query, and one `series` call for the environment (asked along with the
    // panels, in case one has no samples); single-flight kept the twin request from adding any.
    expect(perPageView).toBe(4);

    const fromOtherInstance = await request(b.server).get(path);
    expect(fromOtherInstance.body).toEqual(first.body);
    expect(calls).toBe(perPageView);

    await a.stop();
    await b.stop();
  });
});
