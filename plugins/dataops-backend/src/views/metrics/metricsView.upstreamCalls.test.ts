import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import request from 'supertest';
import { dataopsPlugin } from '../../plugin';
import { scenarioEntity } from '../../__testUtils__';

jest.setTimeout(60_000);

const ENVS = ['prod', 'stage'];
const thanosOf = (env: string) => `http://thanos-${env}.test`;
/** Metrics the fake Thanos has series of; `empty_d` has series but no samples in the window. */
const COLLECTED = new Set(['collected_a', 'collected_c', 'empty_d']);
const WITH_SAMPLES = new Set(['collected_a', 'collected_c']);
const LATENCY_MS = 300;

/**
 * What a cold metrics view costs upstream: every panel one range query, a configured fallback asked along
 * with its panel, and one `series` call per environment for all panels, all sent in one round.
 */
describe('metrics view upstream calls', () => {
  /** `probe`: a freshness probe sent on its own (see judgeFreshness), which a cold view must not need. */
  const calls: Array<{ env: string; endpoint: string; at: number }> = [];
  const msw = setupServer(
    ...ENVS.map(env =>
      http.post(
        `${thanosOf(env)}/api/v1/:endpoint`,
        async ({ params, request: req }) => {
          const form = new URLSearchParams(await req.text());
          const query = form.get('query') ?? '';
          const probe = query.startsWith('label_replace(');
          calls.push({
            env,
            endpoint: probe ? 'probe' : String(params.endpoint),
            at: Date.now(),
          });
          await delay(LATENCY_MS);
          if (params.endpoint === 'series') {
            const names = form
              .getAll('match[]')
              .map(m => /^[a-z_]+/.exec(m)![0])
              .filter(n => COLLECTED.has(n));
            return HttpResponse.json({
              status: 'success',
              data: names.map(n => ({ __name__: n })),
            });
          }
          // A panel query with its freshness probe folded in: `(sum(x)) or label_replace(...)`.
          const name = /\(([a-z_]+)\b(?!\()/.exec(query)![1];
          const result = WITH_SAMPLES.has(name)
            ? [
                { metric: {}, values: [[1767261600, '4']] },
                // The probe's part: the newest sample is 5 minutes old at the end of the range (11:00), fresh.
                {
                  metric: { dataops_input: '0' },
                  values: [[1767261600, String(1767265200 - 300)]],
                },
              ]
            : [];
          return HttpResponse.json({
            status: 'success',
            data: { resultType: 'matrix', result },
          });
        },
      ),
    ),
  );
  beforeAll(() => msw.listen({ onUnhandledRequest: 'bypass' }));
  afterAll(() => msw.close());
  beforeEach(() => {
    calls.length = 0;
  });

  const PANELS = [
    { id: 'ok', query: 'sum(collected_a)' },
    {
      id: 'fallback',
      query: 'sum(missing_b)',
      fallbackQuery: 'sum(collected_c)',
    },
    { id: 'empty', query: 'sum(empty_d)' },
    { id: 'not-collected', query: 'sum(missing_e)' },
  ];
  const FALLBACKS = PANELS.filter(p => p.fallbackQuery).length;

  const start = () =>
    startTestBackend({
      features: [
        dataopsPlugin,
        catalogServiceMock.factory({
          entities: [scenarioEntity(ENVS.join(','))],
        }),
        mockServices.rootConfig.factory({
          data: {
            dataops: {
              environments: ENVS.map(name => ({
                name,
                thanos: { url: thanosOf(name) },
              })),
              panels: { 'spark-job': PANELS },
            },
          },
        }),
      ],
    });

  const pathOf = (n: number) =>
    `/api/dataops/v1/entity/default/component/daily-sales-etl/metrics?from=2026-01-0${n}T10:00:00Z&to=2026-01-0${n}T11:00:00Z`;

  const count = (env: string, endpoint: string) =>
    calls.filter(c => c.env === env && c.endpoint === endpoint).length;

  /** At most one range query per (panel, environment) plus the fallbacks, one `series` call per environment. */
  const expectWithinBudget = () => {
    for (const env of ENVS) {
      expect(count(env, 'query_range')).toBe(PANELS.length + FALLBACKS);
      expect(count(env, 'series')).toBe(1);
      expect(count(env, 'probe')).toBe(0);
    }
    expect(calls).toHaveLength(ENVS.length * (PANELS.length + FALLBACKS + 1));
  };

  it('costs one call per (panel, environment) plus its fallback plus one series call per environment, in one round', async () => {
    const backend = await start();
    const server = backend.server;
    const res = await request(server).get(pathOf(1));
    expect(res.status).toBe(200);
    expectWithinBudget();
    // One round: every call went out before the first answer (LATENCY_MS
    // later) could come back.
    const arrivals = calls.map(c => c.at);
    expect(Math.max(...arrivals) - Math.min(...arrivals)).toBeLessThan(
      LATENCY_MS * 0.8,
    );
    const states = Object.fromEntries(
      res.body.environments[0].data.panels.map((p: any) => [
        p.id,
        [p.state, p.fallback ?? false],
      ]),
    );
    // Freshness still judged, from the probe folded into each panel's query.
    const ages = Object.fromEntries(
      res.body.environments[0].data.panels.map((p: any) => [
        p.id,
        p.newestSampleAgeSeconds,
      ]),
    );
    expect(ages).toMatchObject({ ok: 300, fallback: 300 });
    expect(states).toEqual({
      ok: ['ok', false],
      fallback: ['ok', true],
      empty: ['empty', false],
      'not-collected': ['not-collected', false],
    });

    calls.length = 0;
    const warm = await request(server).get(pathOf(1));
    expect(warm.body).toEqual(res.body);
    expect(calls).toHaveLength(0);
    await backend.stop();
  });

  it('costs the same with 50 viewers opening the page at once', async () => {
    const backend = await start();
    const server = backend.server;
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => request(server).get(pathOf(2))),
    );
    expect(answers.every(a => a.status === 200)).toBe(true);
    expectWithinBudget();
    await backend.stop();
  });
});
