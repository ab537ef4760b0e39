import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  counterSamples,
  freePort,
  startPrometheusWithHistory,
  toOpenMetrics,
  type PrometheusWithHistory,
  type SeriesHistory,
} from '@dataops-observability/plugin-dataops-test-utils';
import request from 'supertest';
import { dataopsPlugin } from '../../plugin';

jest.setTimeout(300_000);

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;
// Evaluation time: a whole hour in the past; four days of one-minute history end there.
const T = Math.floor(Date.now() / 1000 / HOUR) * HOUR - HOUR;
const START = T - 4 * DAY;
const RUNS_PER_MINUTE = 1000;
const iso = (t: number) => new Date(t * 1000).toISOString();

/** Failed runs per minute. prod: 6/min over the last 6 h, 50/min in the last hour; stage: 15/min over 6 h. */
const badPerMinute: Record<string, (t: number) => number> = {
  prod: t => {
    if (t > T - HOUR) return 50;
    return t > T - 6 * HOUR ? 6 : 0;
  },
  stage: t => (t > T - 6 * HOUR ? 15 : 0),
  neighbour: () => 900,
};

function runs(
  env: string,
  app: string,
  bad: (t: number) => number,
  perMinute = RUNS_PER_MINUTE,
): SeriesHistory[] {
  const samples = (increment: (t: number) => number) =>
    counterSamples({ start: START, end: T, step: MINUTE, increment });
  // The Spark operator's own counters (default profile spark-operator-jmx), labelled by --metrics-labels=app.
  const labels = { env, namespace: 'spark', app };
  return [
    {
      metric: 'spark_application_success_count',
      labels,
      samples: samples(t => perMinute - bad(t)),
    },
    {
      metric: 'spark_application_failure_count',
      labels,
      samples: samples(bad),
    },
  ];
}

const ENTITY_REF = 'component:default/daily-sales-etl';
/** Recorded ratios per window for the recording-rule mode: burn rates 0.5, 0.6, ... 1.1 at 99.9%. */
const RECORDED: Record<string, number> = {
  '5m': 0.0005,
  '30m': 0.0006,
  '1h': 0.0007,
  '2h': 0.0008,
  '6h': 0.0009,
  '1d': 0.001,
  '3d': 0.0011,
};

const history: SeriesHistory[] = [
  ...runs('prod', 'daily-sales-etl', badPerMinute.prod),
  ...runs('stage', 'daily-sales-etl', badPerMinute.stage),
  ...runs('dev', 'daily-sales-etl', () => 0, 0),
  // Fails all the time: would show if the entity's matchers were not injected.
  ...runs('prod', 'other-app', badPerMinute.neighbour),
  ...Object.entries(RECORDED).map(([window, value]) => ({
    metric: `slo:sli_error:ratio_rate${window}`,
    labels: {
      slo: 'spark-app-run-success',
      backstage_entity: ENTITY_REF,
      env: 'prod',
    },
    samples: Array.from(
      { length: DAY / MINUTE + 1 },
      (_, i): [number, number] => [T - DAY + i * MINUTE, value],
    ),
  })),
];

function entity(
  name: string,
  annotations: Record<string, string>,
  type = 'spark-job',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'dataops.io/prometheus-selector':
          'namespace="spark",app="daily-sales-etl"',
        'dataops.io/spark-app-name': 'daily-sales-etl',
        'dataops.io/environments': 'prod',
        ...annotations,
      },
    },
    spec: { type, owner: 'sales-data', lifecycle: 'production' },
  };
}

const entities = [
  entity('daily-sales-etl', {
    'dataops.io/environments': 'dev,stage,prod,qa',
    'dataops.io/slo-objective': '99.9',
    'dataops.io/slo-window': '30d',
    'dataops.io/slo-objective.stage': '99',
  }),
  entity('bad-objective', { 'dataops.io/slo-objective': 'three nines' }),
  entity('bad-window', { 'dataops.io/slo-window.prod': '1 month' }),
  entity('short-window', { 'dataops.io/slo-window': '30m' }),
  entity('never-ran', {
    'dataops.io/spark-app-name': 'never-ran',
    'dataops.io/prometheus-selector': 'namespace="spark"',
  }),
  entity('custom-batch', {}, 'batch-job'),
  entity('website', { 'dataops.io/slo-objective': '99' }, 'service'),
  entity('no-identity', { 'dataops.io/spark-app-name': '' }),
];

describe('slo view', () => {
  let prometheus: PrometheusWithHistory | undefined;
  let deadPort: number;

  beforeAll(async () => {
    [prometheus, deadPort] = await Promise.all([
      startPrometheusWithHistory(toOpenMetrics(history)),
      freePort(),
    ]);
  });

  afterAll(async () => {
    await prometheus?.stop();
  }, 60_000);

  async function start(slo: Record<string, unknown> = {}) {
    const env = (name: string) => ({
      name,
      timeoutMs: 30_000,
      thanos: { url: prometheus!.url, extraSelector: `env="${name}"` },
    });
    const { server } = await startTestBackend({
      features: [
        dataopsPlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({
          data: {
            dataops: {
              environments: [
                env('dev'),
                env('stage'),
                env('prod'),
                {
                  name: 'qa',
                  timeoutMs: 3000,
                  thanos: { url: `http://127.0.0.1:${deadPort}` },
                },
              ],
              slo: {
                templates: {
                  'batch-job': {
                    id: 'batch-run-success',
                    name: 'Batch run success',
                    goodEvents: [
                      'spark_application_success_count{app="${sparkAppName}"}',
                    ],
                    totalEvents: [
                      'spark_application_success_count{app="${sparkAppName}"}',
                      'spark_application_failure_count{app="${sparkAppName}"}',
                    ],
                  },
                },
                ...slo,
              },
            },
          },
        }),
      ],
    });
    return server;
  }

  const path = (name: string, query = '') =>
    `/api/dataops/v1/entity/default/component/${name}/slo?from=${iso(
      T - HOUR,
    )}&to=${iso(T)}${query}`;

  function byEnv(body: any): Record<string, any> {
    return Object.fromEntries(body.environments.map((e: any) => [e.env, e]));
  }

  function rates(data: any): Record<string, number | null> {
    return Object.fromEntries(
      data.burnRates.map((b: any) => [b.window, b.rate]),
    );
  }

  it('answers SLI, budget, burn rates, alerts and burndown known by construction, per environment', async () => {
    const server = await start();
    const res = await request(server).get(path('daily-sales-etl'));
    expect(res.status).toBe(200);
    const envs = byEnv(res.body);

    // prod: 4800 of 5,760,000 runs failed, all within the last 6 hours.
    const prod = envs.prod.data;
    expect(envs.prod.status).toBe('ok');
    expect(prod).toMatchObject({
      objective: 99.9,
      window: '30d',
      sliName: 'Application run success',
      state: 'ok',
      source: 'counters',
      evaluatedAt: T,
      level: 'critical',
    });
    expect(prod.sli).toBeCloseTo(1 - 4800 / 5_760_000, 10);
    expect(prod.sliQuery).toContain(
      'spark_application_success_count{namespace="spark",app="daily-sales-etl",env="prod",app="daily-sales-etl"}[30d]',
    );
    expect(prod.errorBudget.totalMinutes).toBe(43.2);
    expect(prod.errorBudget.consumedFraction).toBeCloseTo(5 / 6, 8);
    expect(prod.errorBudget.remainingMinutes).toBeCloseTo(7.2, 6);
    // 1/6 of the budget left at a 1h burn rate of 50: 1/6 x 720 h / 50.
    expect(prod.errorBudget.exhaustionHours).toBeCloseTo(2.4, 6);
    const prodRates = rates(prod);
    const want: Record<string, number> = {
      '5m': 50,
      '30m': 50,
      '1h': 50,
      '2h': 28,
      '6h': 13.3333,
      '1d': 3.3333,
      '3d': 1.1111,
    };
    expect(Object.keys(prodRates)).toEqual(Object.keys(want));
    for (const [window, rate] of Object.entries(want)) {
      expect(prodRates[window]).toBeCloseTo(rate, 3);
    }
    expect(
      prod.alerts.map((a: any) => [a.priority, a.threshold, a.firing]),
    ).toEqual([
      ['P1', 36, true],
      ['P2', 12, true],
    ]);
    // Daily buckets: three clean days, then the 4800 failures of the last day.
    expect(prod.burndown.map((p: any) => p[0])).toEqual([
      T - 3 * DAY,
      T - 2 * DAY,
      T - DAY,
      T,
    ]);
    expect(prod.burndown.slice(0, 3).map((p: any) => p[1])).toEqual([1, 1, 1]);
    expect(prod.burndown[3][1]).toBeCloseTo(1 / 6, 8);

    // stage: objective 99% by override, 5400 failures in 6 h: far within the larger budget.
    const stage = envs.stage.data;
    expect(stage.objective).toBe(99);
    expect(stage.sli).toBeCloseTo(1 - 5400 / 5_760_000, 10);
    expect(stage.errorBudget.totalMinutes).toBe(432);
    expect(stage.errorBudget.consumedMinutes).toBeCloseTo(40.5, 6);
    expect(stage.errorBudget.remainingFraction).toBeCloseTo(0.90625, 8);
    expect(rates(stage)['6h']).toBeCloseTo(1.5, 6);
    expect(rates(stage)['1d']).toBeCloseTo(0.375, 6);
    // 0.90625 x 720 h / 1.5
    expect(stage.errorBudget.exhaustionHours).toBeCloseTo(435, 4);
    expect(stage.alerts.some((a: any) => a.firing)).toBe(false);
    expect(stage.level).toBe('healthy');

    // dev: counters exist but never moved: unknown, never NaN, never 100%.
    const dev = envs.dev.data;
    expect(dev).toMatchObject({
      sli: null,
      level: 'unknown',
      state: 'no-traffic',
    });
    expect(dev.stateReason).toContain('No events in the last 30d');
    expect(Object.values(rates(dev))).toEqual(Array(7).fill(null));
    expect(dev.alerts.every((a: any) => !a.firing)).toBe(true);
    expect(JSON.stringify(res.body)).not.toMatch(/NaN|Infinity/);

    // qa: its Prometheus is down; the others still answered.
    expect(envs.qa).toMatchObject({
      status: 'error',
      error: { source: 'thanos' },
    });
  });

  it('feeds the SLO cell of the summary', async () => {
    const server = await start();
    const res = await request(server).get(
      `/api/dataops/v1/entity/default/component/daily-sales-etl/summary?env=prod&env=dev&env=stage&to=${iso(
        T,
      )}&from=${iso(T - HOUR)}`,
    );
    expect(res.status).toBe(200);
    const envs = byEnv(res.body);
    expect(envs.prod.data.areas.slo.level).toBe('critical');
    expect(envs.prod.data.areas.slo.reason).toBe(
      'SLI 99.917% (objective 99.9%), 17% of budget left, P1 SloErrorBudgetFastBurn firing, P2 SloErrorBudgetSlowBurn firing',
    );
    expect(envs.stage.data.areas.slo).toEqual({
      level: 'healthy',
      reason: 'SLI 99.906% (objective 99%), 91% of budget left',
    });
    expect(envs.dev.data.areas.slo.level).toBe('unknown');
    expect(envs.dev.data.areas.slo.reason).toContain('No events');
  });

  it.each([
    [
      'bad-objective',
      "Bad annotation dataops.io/slo-objective: Invalid SLO objective 'three nines'",
    ],
    [
      'bad-window',
      "Bad annotation dataops.io/slo-window.prod: Invalid window '1 month'",
    ],
    [
      'short-window',
      "Bad annotation dataops.io/slo-window: Invalid SLO period '30m': at least 6h",
    ],
  ])('answers 400 naming the annotation for %s', async (name, message) => {
    const server = await start();
    const res = await request(server).get(path(name));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
  });

  it('tells "not collected" apart from "no traffic", and reports entities without an SLI per environment', async () => {
    const server = await start();
    const never = byEnv(
      (await request(server).get(path('never-ran'))).body,
    ).prod;
    expect(never.status).toBe('ok');
    expect(never.data).toMatchObject({
      sli: null,
      level: 'unknown',
      state: 'not-collected',
      burndown: [],
    });
    expect(never.data.stateReason).toBe(
      'Not collected: spark_application_success_count, spark_application_failure_count has no series for this entity in this environment.',
    );

    const website = byEnv(
      (await request(server).get(path('website'))).body,
    ).prod;
    expect(website).toMatchObject({
      status: 'error',
      error: { type: 'BAD_ANNOTATION' },
    });
    expect(website.error.message).toContain('dataops.slo.templates.service');

    const noIdentity = byEnv(
      (await request(server).get(path('no-identity'))).body,
    ).prod;
    expect(noIdentity.error.message).toContain('dataops.io/spark-app-name');
  });

  it('uses an SLI template configured for another entity type', async () => {
    const server = await start();
    const res = await request(server).get(path('custom-batch'));
    const prod = byEnv(res.body).prod.data;
    expect(prod.sliName).toBe('Batch run success');
    expect(prod.sli).toBeCloseTo(1 - 4800 / 5_760_000, 10);
  });

  it('reads the generated recording rules when configured, without entity matchers', async () => {
    const server = await start({ useRecordingRules: true });
    const res = await request(server).get(path('daily-sales-etl', '&env=prod'));
    expect(res.status).toBe(200);
    const prod = byEnv(res.body).prod.data;
    expect(prod.source).toBe('recording-rules');
    expect(prod.sliQuery).toBe(
      `1 - avg_over_time(slo:sli_error:ratio_rate5m{slo="spark-app-run-success",backstage_entity="${ENTITY_REF}",env="prod"}[30d])`,
    );
    expect(prod.sli).toBeCloseTo(0.9995, 10);
    expect(prod.errorBudget.consumedFraction).toBeCloseTo(0.5, 8);
    const got = rates(prod);
    for (const [window, ratio] of Object.entries(RECORDED)) {
      expect(got[window]).toBeCloseTo(ratio / 0.001, 6);
    }
    expect(prod.burndown.map((p: any) => p[0])).toEqual([T - DAY, T]);
    expect(prod.burndown[0][1]).toBeCloseTo(0.75, 8);
    expect(prod.burndown[1][1]).toBeCloseTo(0.5, 8);
    expect(prod.level).toBe('healthy');
  });

  it('refuses an invalid SLO policy at start-up, naming it', async () => {
    await expect(start({ policy: { objective: 120 } })).rejects.toThrow(
      /Invalid dataops.slo: Invalid SLO objective '120'/,
    );
  });
});
