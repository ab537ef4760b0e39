import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { SpecValidator } from '@internal/api-spec-checks';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import request from 'supertest';
import { dataopsPlugin } from '../plugin';
import {
  EXPECTED,
  SpawnedServer,
  freePort,
  openSearchAnswer,
  scenarioEntity,
  scenarioOpenMetrics,
  startAlertmanager,
  startPrometheus,
} from '../__testUtils__';

jest.setTimeout(180_000);

const OPENSEARCH = 'http://opensearch.test';
const ARGOCD = 'http://argocd.test';
const opensearchSpec = SpecValidator.for('opensearch');
const argoSpec = SpecValidator.for('argocd');
const amSpec = SpecValidator.for('alertmanager');

function argoApp(
  name: string,
  sync: string,
  health: string,
  reconciledAt: string,
) {
  return {
    metadata: { name, namespace: 'argocd' },
    spec: {
      project: 'default',
      destination: { namespace: 'spark' },
      source: { repoURL: 'https://git.example.com/etl.git' },
    },
    status: {
      sync: { status: sync, revision: 'abc123' },
      health: { status: health },
      reconciledAt,
      operationState: {
        phase: 'Succeeded',
        startedAt: '2026-01-01T10:00:00Z',
        finishedAt: '2026-01-01T10:01:00Z',
        operation: { sync: {} },
      },
      history: [
        {
          id: 1,
          revision: 'aaa111',
          deployedAt: '2025-12-31T10:00:00Z',
          source: {},
        },
        {
          id: 2,
          revision: 'abc123',
          deployedAt: '2026-01-01T10:01:00Z',
          source: {},
        },
      ],
    },
  };
}

const logDoc = {
  '@timestamp': '2026-01-01T10:00:00Z',
  level: 'ERROR',
  message: 'login failed password=hunter2 for user',
  kubernetes: { labels: { app: 'daily-sales-etl' } },
  db_password: 'hunter2',
  auth: {
    token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcdefghijk',
  },
};
const searchAnswer = openSearchAnswer({
  index: 'logs-spark-2026.01.01',
  id: 'doc1',
  source: logDoc,
  sort: [1767261600000, 7],
  level: 'ERROR',
});

describe('dataops router', () => {
  let prometheus: SpawnedServer;
  let alertmanager: Awaited<ReturnType<typeof startAlertmanager>>;
  let deadPort: number;
  const searches: any[] = [];
  const argoCalls: string[] = [];
  const sessionBodies: unknown[] = [];
  const postedAlerts: unknown[] = [];
  const msw = setupServer(
    http.post(
      `${OPENSEARCH}/:index/_search`,
      async ({ request: req, params }) => {
        const body = await req.json();
        searches.push({ index: params.index, body });
        return HttpResponse.json(searchAnswer);
      },
    ),
    http.post(`${ARGOCD}/api/v1/session`, async ({ request: req }) => {
      argoCalls.push('session');
      const body: any = await req.json();
      sessionBodies.push(body);
      const exp = Math.floor(Date.now() / 1000) + 3600;
      const token = `x.${Buffer.from(JSON.stringify({ exp })).toString(
        'base64url',
      )}.y`;
      return HttpResponse.json({ token });
    }),
    http.get(
      `${ARGOCD}/api/v1/applications/:name`,
      ({ params, request: req }) => {
        argoCalls.push(
          `get ${params.name} ${req.headers.get('authorization')?.slice(0, 9)}`,
        );
        if (params.name === 'daily-sales-etl-prod') {
          return HttpResponse.json(
            argoApp(
              'daily-sales-etl-prod',
              'OutOfSync',
              'Healthy',
              new Date(Date.now() - 10 * 60_000).toISOString(),
            ),
          );
        }
        return HttpResponse.json(
          { message: 'not found', code: 5 },
          { status: 404 },
        );
      },
    ),
  );

  beforeAll(async () => {
    const end = Math.floor(Date.now() / 1000) - 60;
    [prometheus, alertmanager, deadPort] = await Promise.all([
      startPrometheus({ openMetrics: scenarioOpenMetrics(end) }),
      startAlertmanager(),
      freePort(),
    ]);
    msw.listen({ onUnhandledRequest: 'bypass' });
    const alerts = [
      {
        labels: {
          alertname: 'SparkJobFailing',
          severity: 'critical',
          namespace: 'spark',
          app: 'daily-sales-etl',
        },
        annotations: { summary: 'jobs fail' },
      },
      {
        labels: {
          alertname: 'SparkSlow',
          severity: 'warning',
          namespace: 'spark',
          app: 'daily-sales-etl',
        },
      },
      {
        labels: {
          alertname: 'Watchdog',
          severity: 'none',
          namespace: 'spark',
          app: 'daily-sales-etl',
        },
      },
      {
        labels: {
          alertname: 'OtherApp',
          severity: 'critical',
          namespace: 'spark',
          app: 'other-app',
        },
      },
      {
        labels: {
          alertname: 'TaggedByEntity',
          severity: 'info',
          backstage_entity: 'component:default/daily-sales-etl',
        },
      },
    ];
    postedAlerts.push(...alerts);
    await alertmanager.postAlerts(alerts);
  });

  afterAll(async () => {
    msw.close();
    await Promise.all([prometheus?.stop(), alertmanager?.stop()]);
  });

  afterEach(() => {
    searches.length = 0;
  });

  const env = (name: string, extra: Record<string, unknown> = {}) => ({
    name,
    timeoutMs: 5000,
    thanos: { url: prometheus.url, extraSelector: `env="${name}"` },
    ...extra,
  });

  async function start(options: { deny?: boolean; entityEnvs?: string } = {}) {
    const { server } = await startTestBackend({
      features: [
        dataopsPlugin,
        catalogServiceMock.factory({
          entities: [scenarioEntity(options.entityEnvs)],
        }),
        mockServices.rootConfig.factory({
          data: {
            dataops: {
              environments: [
                env('dev', {
                  opensearch: {
                    url: OPENSEARCH,
                    allowedIndexPatterns: ['logs-*'],
                    sensitiveFields: ['db_'],
                  },
                }),
                env('stage', {
                  opensearch: {
                    url: OPENSEARCH,
                    allowedIndexPatterns: ['logs-airflow-*'],
                  },
                }),
                env('prod', {
                  alertmanager: { url: alertmanager.url },
                  argocd: [
                    {
                      name: 'prod-argocd',
                      url: ARGOCD,
                      username: 'admin',
                      password: 's3cret',
                    },
                  ],
                }),
                {
                  name: 'qa',
                  timeoutMs: 2000,
                  thanos: { url: `http://127.0.0.1:${deadPort}/prefix` },
                },
              ],
            },
          },
        }),
        ...(options.deny
          ? [
              mockServices.permissions.mock({
                authorize: async () => [{ result: AuthorizeResult.DENY }],
              }).factory,
            ]
          : []),
      ],
    });
    return server;
  }

  const base = '/api/dataops/v1/entity/default/component/daily-sales-etl';

  it('lists environments and their sources without secrets', async () => {
    const server = await start();
    const res = await request(server).get('/api/dataops/v1/environments');
    expect(res.status).toBe(200);
    expect(res.body.environments.map((e: any) => e.name)).toEqual([
      'dev',
      'stage',
      'prod',
      'qa',
    ]);
    expect(res.body.environments[2]).toEqual({
      name: 'prod',
      sources: {
        thanos: true,
        opensearch: false,
        argocd: true,
        alertmanager: true,
        iceberg: false,
        airflow: false,
        sparkHistory: false,
      },
      argocdInstances: ['prod-argocd'],
    });
    expect(JSON.stringify(res.body)).not.toContain('s3cret');
  });

  it('serves metric panels with values known by construction, per environment', async () => {
    const server = await start({ entityEnvs: 'dev,stage,prod,qa' });
    const res = await request(server).get(`${base}/metrics?from=now-1h`);
    expect(res.status).toBe(200);
    expect(res.body.entityRef).toBe('component:default/daily-sales-etl');
    const byEnv = Object.fromEntries(
      res.body.environments.map((e: any) => [e.env, e]),
    );
    const panel = (e: string, id: string) =>
      byEnv[e].data.panels.find((p: any) => p.id === id);

    expect(panel('prod', 'active-jobs')).toMatchObject({
      state: 'ok',
      lastValue: EXPECTED.activeJobs,
      level: 'healthy',
    });
    expect(panel('prod', 'active-jobs').query).toBe(
      'sum(spark_driver_dagscheduler_job_activejobs{namespace="spark",app="daily-sales-etl",env="prod"})',
    );
    expect(panel('prod', 'failed-job-rate').lastValue).toBeCloseTo(
      EXPECTED.failedJobRatePercent,
      6,
    );
    expect(panel('prod', 'failed-job-rate').level).toBe('critical');
    expect(panel('prod', 'gc-time-ratio').lastValue).toBeCloseTo(
      EXPECTED.gcRatioPercent,
      6,
    );
    expect(panel('prod', 'gc-time-ratio').level).toBe('warning');
    expect(panel('prod', 'executor-memory').lastValue).toBeCloseTo(
      EXPECTED.memoryPercent,
      6,
    );
    expect(panel('prod', 'pod-restarts')).toMatchObject({
      state: 'ok',
      lastValue: 0,
      level: 'healthy',
    });
    // No exporter of the default stack publishes stage durations: the panel is left out, not faked.
    expect(panel('prod', 'stage-duration-p95')).toBeUndefined();
    expect(panel('prod', 'running-pods')).toMatchObject({
      state: 'ok',
      lastValue: EXPECTED.runningPods,
    });
    expect(panel('prod', 'running-pods').fallback).toBeUndefined();

    // dev does not collect the driver metric: said so, nothing substituted.
    expect(panel('dev', 'active-jobs')).toMatchObject({
      state: 'not-collected',
      series: [],
    });
    expect(panel('dev', 'active-jobs').stateReason).toContain(
      'spark_driver_dagscheduler_job_activejobs',
    );
    // stage lacks kube_pod_status_phase: the configured fallback runs and says so.
    expect(panel('stage', 'running-pods')).toMatchObject({
      state: 'ok',
      fallback: true,
      lastValue: EXPECTED.runningPods,
    });
    expect(panel('stage', 'running-pods').query).toContain('count(up{');

    // One environment down leaves the others answering.
    expect(byEnv.qa).toMatchObject({
      status: 'error',
      error: { type: 'UPSTREAM_ERROR', source: 'thanos' },
    });
    expect(byEnv.prod.status).toBe('ok');
    expect(res.body.range.step).toBeGreaterThanOrEqual(15);
  });

  it('filters environments with env and rejects unknown ones', async () => {
    const server = await start();
    const ok = await request(server).get(`${base}/metrics?env=prod&env=dev`);
    expect(ok.body.environments.map((e: any) => e.env)).toEqual([
      'dev',
      'prod',
    ]);
    const bad = await request(server).get(`${base}/metrics?env=mars`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("unknown environment 'mars'");
  });

  it.each([
    [
      'unknown view',
      '/nope',
      /Unknown view 'nope'; known views: summary, metrics, logs, deployments, alerts/,
    ],
    ['bad time', '/metrics?from=yesterday', /Invalid 'from'/],
    ['inverted range', '/metrics?from=now&to=now-1h', /Invalid 'from'/],
    ['bad step', '/metrics?step=fast', /Invalid 'step'/],
    ['bad size', '/logs?size=9999', /Invalid 'size'/],
    ['bad level', '/logs?level=loud', /Invalid 'level'/],
    ['unknown parameter', '/metrics?foo=1', /Unknown query parameter/],
    ['cursor without one env', '/logs?cursor=abc', /Invalid 'cursor'/],
  ])('answers 400 for %s', async (_name, path, message) => {
    const server = await start();
    const res = await request(server).get(`${base}${path}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('answers 404 for entities the caller cannot see', async () => {
    const server = await start();
    const res = await request(server).get(
      '/api/dataops/v1/entity/default/component/secret-thing/metrics',
    );
    expect(res.status).toBe(404);
  });

  it('answers 400 for a selector annotation that is not plain label matchers', async () => {
    const entity = scenarioEntity();
    entity.metadata.annotations!['dataops.io/prometheus-selector'] =
      'app="x"} or vector(1) or {a="b"';
    const { server } = await startTestBackend({
      features: [
        dataopsPlugin,
        catalogServiceMock.factory({ entities: [entity] }),
        mockServices.rootConfig.factory({
          data: {
            dataops: {
              environments: [{ name: 'dev', thanos: { url: prometheus.url } }],
            },
          },
        }),
      ],
    });
    const res = await request(server).get(`${base}/metrics`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /dataops.io\/prometheus-selector.*only comma separated label matchers/,
    );
  });

  it('serves masked logs with a histogram, checks the index pattern and reports missing sources', async () => {
    const server = await start();
    const res = await request(server).get(
      `${base}/logs?q=failed&level=error&size=1`,
    );
    expect(res.status).toBe(200);
    const [dev, stage, prod] = res.body.environments;
    expect(dev.status).toBe('ok');
    const hit = dev.data.hits[0];
    expect(hit).toMatchObject({
      id: 'logs-spark-2026.01.01/doc1',
      level: 'error',
    });
    expect(hit.message).toBe('login failed password=**** for user');
    expect(hit.fields.db_password).toBe('****');
    expect(hit.fields.auth.token).toBe('****');
    expect(hit.maskedFields).toEqual(
      expect.arrayContaining(['db_password', 'auth.token', 'message']),
    );
    expect(JSON.stringify(res.body)).not.toContain('hunter2');
    expect(dev.data.histogram).toEqual([
      { timestamp: 1767261600000, counts: { error: 1 } },
    ]);
    expect(dev.data.nextCursor).toBeDefined();
    expect(stage).toMatchObject({
      status: 'error',
      error: { type: 'BAD_ANNOTATION' },
    });
    expect(stage.error.message).toContain('not inside the allowed patterns');
    expect(prod).toEqual({
      env: 'prod',
      status: 'not-configured',
      source: 'opensearch',
    });

    expect(searches).toHaveLength(1);
    const { body, index } = searches[0];
    expect(index).toBe('logs-spark-*');
    // The spec's sort `oneOf` is ambiguous for every object form (SortOptions accepts any one-key object),
    // so each sort item is checked against its own branch and the rest of the body as a whole.
    const { sort, ...rest } = body;
    expect(
      opensearchSpec.checkRequestBody('post', '/{index}/_search', rest).errors,
    ).toEqual([]);
    for (const item of sort) {
      expect(
        opensearchSpec.checkSchema('_common___FieldWithDirection', item).errors,
      ).toEqual([]);
    }
    expect(
      opensearchSpec.checkResponse(
        'post',
        '/{index}/_search',
        200,
        searchAnswer,
      ).errors,
    ).toEqual([]);
    expect(body.size).toBe(1);
    expect(body.query.bool.must).toEqual([
      {
        simple_query_string: {
          query: 'failed',
          fields: ['message'],
          flags: 'AND|OR|NOT|PHRASE|PRECEDENCE|WHITESPACE|ESCAPE',
          default_operator: 'and',
          lenient: true,
        },
      },
    ]);
    expect(body.query.bool.filter).toEqual(
      expect.arrayContaining([
        { term: { 'kubernetes.labels.app': 'daily-sales-etl' } },
        { terms: { level: ['error'] } },
      ]),
    );
    expect(body.aggs.histogram.aggs.levels.terms.field).toBe('level');

    const next = await request(server).get(
      `${base}/logs?env=dev&cursor=${dev.data.nextCursor}`,
    );
    expect(next.status).toBe(200);
    expect(searches[1].body.search_after).toEqual([1767261600000, 7]);
  });

  it('denies logs when the permission policy says so', async () => {
    const server = await start({ deny: true });
    const res = await request(server).get(`${base}/logs`);
    expect(res.status).toBe(403);
    const summary = await request(server).get(`${base}/summary?env=dev`);
    expect(summary.body.environments[0].data.areas.logs).toEqual({
      level: 'unknown',
      reason: 'not permitted',
      cause: 'not-permitted',
    });
  });

  it('shows Argo CD applications, OutOfSync over 5 minutes as critical, reusing the session token', async () => {
    argoCalls.length = 0;
    const server = await start();
    const res = await request(server).get(`${base}/deployments?env=prod`);
    expect(res.status).toBe(200);
    const [prod] = res.body.environments;
    const fixture = argoApp(
      'daily-sales-etl-prod',
      'OutOfSync',
      'Healthy',
      '2026-01-01T10:00:00Z',
    );
    expect(argoSpec.checkSchema('v1alpha1Application', fixture).errors).toEqual(
      [],
    );
    expect(prod.data.applications).toHaveLength(1);
    const app = prod.data.applications[0];
    expect(app).toMatchObject({
      instance: 'prod-argocd',
      name: 'daily-sales-etl-prod',
      syncStatus: 'OutOfSync',
      healthStatus: 'Healthy',
      revision: 'abc123',
      lastSyncedAt: '2026-01-01T10:01:00Z',
      level: 'critical',
    });
    expect(Date.now() - Date.parse(app.outOfSyncSince)).toBeGreaterThan(
      5 * 60_000,
    );
    expect(app.history.map((h: any) => h.revision)).toEqual([
      'abc123',
      'aaa111',
    ]);
    // second request with another range: no second login
    await request(server).get(`${base}/deployments?env=prod&from=now-2h`);
    expect(argoCalls.filter(c => c === 'session')).toHaveLength(1);
    expect(sessionBodies).toEqual([{ username: 'admin', password: 's3cret' }]);
    expect(
      argoSpec.checkRequestBody('post', '/api/v1/session', sessionBodies[0])
        .errors,
    ).toEqual([]);
    expect(argoCalls.filter(c => c.startsWith('get'))).toEqual([
      'get daily-sales-etl-prod Bearer x.',
      'get daily-sales-etl-prod Bearer x.',
    ]);
    const dev = await request(server).get(`${base}/deployments?env=dev`);
    expect(dev.body.environments[0]).toEqual({
      env: 'dev',
      status: 'not-configured',
      source: 'argocd',
    });
  });

  it('lists the entity alerts from a real Alertmanager with priorities and muted state', async () => {
    const server = await start();
    const res = await request(server).get(`${base}/alerts?env=prod`);
    expect(res.status).toBe(200);
    expect(
      amSpec.checkRequestBody('post', '/alerts', postedAlerts).errors,
    ).toEqual([]);
    const raw = await (await fetch(`${alertmanager.url}/api/v2/alerts`)).json();
    // Alertmanager 0.25 does not send status.mutedBy, which the 0.34 spec requires; everything else conforms.
    const errors = amSpec.checkResponse('get', '/alerts', 200, raw).errors;
    expect(
      errors.every(e => e.includes("must have required property 'mutedBy'")),
    ).toBe(true);
    const alerts = res.body.environments[0].data.alerts;
    expect(alerts.map((a: any) => [a.name, a.priority, a.state])).toEqual([
      ['SparkJobFailing', 'P1', 'active'],
      ['SparkSlow', 'P3', 'suppressed'],
      ['TaggedByEntity', 'P4', 'active'],
    ]);
    expect(alerts[0].summary).toBe('jobs fail');
    expect(alerts[1].inhibitedBy.length).toBe(1);
  });

  it('rolls every area up in the summary', async () => {
    const server = await start();
    const res = await request(server).get(`${base}/summary?env=prod`);
    expect(res.status).toBe(200);
    const areas = res.body.environments[0].data.areas;
    expect(areas.metrics.level).toBe('critical');
    expect(areas.metrics.reason).toContain('Failed runs (24 h)');
    expect(areas.deployments.level).toBe('critical');
    expect(areas.alerts).toEqual({
      level: 'critical',
      reason: '2 firing, highest P1: SparkJobFailing',
    });
    expect(areas.logs).toEqual({
      level: 'unknown',
      reason: 'opensearch is not configured',
      cause: 'not-set-up',
    });
    // The SLI reads the same Spark operator counters as the failed-runs panel: 9 good runs in 10.
    expect(areas.slo).toEqual({
      level: 'critical',
      reason:
        'SLI 90% (objective 99.9%), error budget exhausted, P1 SloErrorBudgetFastBurn firing, P2 SloErrorBudgetSlowBurn firing',
    });
  });

  it('keeps the metrics level known when one panel is not collected', async () => {
    const server = await start();
    const metrics = await request(server).get(`${base}/metrics?env=dev`);
    const panels = metrics.body.environments[0].data.panels;
    const judged = panels.filter((p: any) => p.state === 'ok');
    expect(judged.length).toBeGreaterThan(0);
    expect(judged.length).toBeLessThan(panels.length);
    const res = await request(server).get(`${base}/summary?env=dev`);
    const cell = res.body.environments[0].data.areas.metrics;
    // The level comes from the panels that have a value; the missing one is named, not allowed to win.
    const order = ['healthy', 'warning', 'critical'];
    const worst = judged
      .map((p: any) => p.level)
      .reduce((a: string, b: string) =>
        order.indexOf(b) > order.indexOf(a) ? b : a,
      );
    expect(cell.level).toBe(worst);
    expect(cell.reason).toMatch(new RegExp(`^${worst}: `));
    const notCollected = panels
      .filter((p: any) => p.state === 'not-collected')
      .map((p: any) => p.title);
    expect(notCollected).toContain('Active jobs');
    expect(cell.reason).toContain(`; ${notCollected.join(', ')} not collected`);
  });
});
