import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import { PrometheusClient } from './PrometheusClient';

const BASE = 'http://thanos.test/eu/prom';
const received: URLSearchParams[] = [];
const server = setupServer(
  http.post(`${BASE}/api/v1/query_range`, async ({ request }) => {
    const params = new URLSearchParams(await request.text());
    received.push(params);
    if (params.get('query') === 'slow') {
      await delay(500);
    }
    if (params.get('query') === 'bad') {
      return HttpResponse.json(
        {
          status: 'error',
          errorType: 'bad_data',
          error: 'parse error at char 3',
        },
        { status: 400 },
      );
    }
    if (params.get('query') === 'html') {
      return new HttpResponse('<html>gateway</html>', { status: 200 });
    }
    return HttpResponse.json({
      status: 'success',
      warnings: ['partial response: store down'],
      data: {
        resultType: 'matrix',
        result: [
          {
            metric: { a: 'b' },
            values: [
              [10, '1.5'],
              [20, 'NaN'],
            ],
          },
        ],
      },
    });
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const client = (timeoutMs = 2000) =>
  new PrometheusClient(
    {
      url: BASE,
      headers: { Authorization: 'Bearer x' },
      dedup: true,
      partialResponse: true,
      extraMatchers: [],
      maxConcurrency: 2,
    },
    timeoutMs,
  );
const range = { from: 0, to: 20, step: 10 };

describe('PrometheusClient', () => {
  it('posts to the path-prefixed API with Thanos parameters and passes warnings through', async () => {
    const result = await client().queryRange('up', range);
    expect(result.data).toEqual([
      {
        labels: { a: 'b' },
        points: [
          [10, 1.5],
          [20, null],
        ],
      },
    ]);
    expect(result.warnings).toEqual(['partial response: store down']);
    const params = received[received.length - 1];
    expect(params.get('dedup')).toBe('true');
    expect(params.get('partial_response')).toBe('true');
    expect(params.get('step')).toBe('10');
  });

  it('types failures', async () => {
    await expect(client().queryRange('bad', range)).rejects.toMatchObject({
      type: 'UPSTREAM_ERROR',
      statusCode: 400,
      message: 'thanos answered 400: parse error at char 3',
    });
    await expect(client().queryRange('html', range)).rejects.toMatchObject({
      type: 'BAD_RESPONSE',
    });
    await expect(client(100).queryRange('slow', range)).rejects.toMatchObject({
      type: 'UPSTREAM_TIMEOUT',
      source: 'thanos',
    });
  });
});
