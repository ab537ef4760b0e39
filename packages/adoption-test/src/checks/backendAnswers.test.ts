import { entityViewProblems, environmentsProblems } from './backendAnswers';

const PROD = {
  readmeName: 'prod',
  name: 'prod',
  sources: ['thanos', 'alertmanager'],
};
const ENTITY = {
  kind: 'component',
  namespace: 'default',
  name: 'daily-sales-etl',
};

describe('environmentsProblems', () => {
  it('accepts the configured environments with their sources', () => {
    expect(
      environmentsProblems(
        {
          environments: [
            {
              name: 'prod',
              sources: { thanos: true, alertmanager: true, argocd: false },
            },
          ],
        },
        [PROD],
      ),
    ).toEqual([]);
  });

  it('reports other environments and sources not reported as configured', () => {
    expect(
      environmentsProblems(
        {
          environments: [
            { name: 'dev', sources: {} },
            { name: 'prod', sources: { thanos: true } },
          ],
        },
        [PROD],
      ),
    ).toEqual([
      'lists environments ["dev","prod"], expected ["prod"]',
      'environment prod: source alertmanager is not reported as configured',
    ]);
  });
});

describe('entityViewProblems', () => {
  const summary = (env: object) => ({
    entityRef: 'component:default/daily-sales-etl',
    environments: [env],
  });

  it('accepts a summary with a known level in some area', () => {
    expect(
      entityViewProblems(
        'summary',
        ENTITY,
        summary({
          env: 'prod',
          status: 'ok',
          data: {
            areas: {
              metrics: { level: 'warning', reason: 'GC time 27%' },
              logs: { level: 'unknown', reason: 'not configured' },
            },
          },
        }),
        [PROD],
      ),
    ).toEqual([]);
  });

  it('reports an environment that failed or is missing, and a wrong entity', () => {
    expect(
      entityViewProblems(
        'summary',
        { ...ENTITY, name: 'other' },
        summary({
          env: 'prod',
          status: 'error',
          error: {
            type: 'UPSTREAM_ERROR',
            source: 'thanos',
            message: 'HTTP 503',
          },
        }),
        [PROD, { ...PROD, name: 'dev', readmeName: 'dev' }],
      ),
    ).toEqual([
      'entityRef is "component:default/daily-sales-etl", expected component:default/other',
      'environment prod: status error (UPSTREAM_ERROR: HTTP 503)',
      'environment dev: missing',
    ]);
  });

  it('reports a summary without any known level', () => {
    expect(
      entityViewProblems(
        'summary',
        ENTITY,
        summary({
          env: 'prod',
          status: 'ok',
          data: { areas: { metrics: { level: 'unknown' } } },
        }),
        [PROD],
      ),
    ).toEqual([
      'environment prod: no area has a known health level ({"metrics":{"level":"unknown"}})',
    ]);
  });

  it('wants samples in some metric panel', () => {
    const metrics = (series: object[]) =>
      summary({
        env: 'prod',
        status: 'ok',
        data: { panels: [{ id: 'cpu', series }] },
      });
    expect(
      entityViewProblems(
        'metrics',
        ENTITY,
        metrics([{ labels: {}, points: [[1, 0.5]] }]),
        [PROD],
      ),
    ).toEqual([]);
    expect(
      entityViewProblems(
        'metrics',
        ENTITY,
        metrics([{ labels: {}, points: [] }]),
        [PROD],
      ),
    ).toEqual(['environment prod: none of its 1 panels has a sample']);
  });
});
