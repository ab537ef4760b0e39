import type {
  AreaStatus,
  EnvironmentResult,
  SummaryData,
} from '@dataops-observability/plugin-dataops-common';
import { hasTimedOutArea, rollUpSummary } from './rollUpSummary';

const ok = (
  areas: Partial<SummaryData['areas']>,
): EnvironmentResult<SummaryData> => ({
  env: 'prod',
  status: 'ok',
  data: { areas: areas as SummaryData['areas'] },
});
const notSetUp = (reason: string): AreaStatus => ({
  level: 'unknown',
  reason,
  cause: 'not-set-up',
});

describe('rollUpSummary', () => {
  it('takes the worst judged area, with the area named in the reason', () => {
    expect(
      rollUpSummary(
        ok({
          metrics: { level: 'healthy', reason: '6 of 6 panels' },
          slo: { level: 'warning', reason: '40% of budget left' },
          runs: { level: 'critical', reason: 'last run failed' },
        }),
      ),
    ).toEqual({
      level: 'critical',
      word: 'Critical',
      reason: 'runs: last run failed',
      area: 'runs',
    });
  });

  it('leaves out areas the entity is not set up for, so a table without logs or Argo CD is not grey', () => {
    const cell = rollUpSummary(
      ok({
        metrics: { level: 'healthy', reason: 'all fresh' },
        logs: notSetUp(
          'the entity has no dataops.io/opensearch-index annotation',
        ),
        deployments: notSetUp(
          'the entity has neither argocd/app-name nor argocd/app-selector',
        ),
        storage: notSetUp('no storage annotated on this entity'),
      }),
    );
    expect(cell).toEqual({
      level: 'healthy',
      word: 'Healthy',
      reason: 'metrics: all fresh',
      area: 'metrics',
    });
  });

  it('still shows an area that could not be read as unknown, marked failed so it is asked again', () => {
    const cell = rollUpSummary(
      ok({
        metrics: { level: 'healthy', reason: 'all fresh' },
        logs: {
          level: 'unknown',
          reason: 'UPSTREAM_TIMEOUT: opensearch did not answer within 10000 ms',
          cause: 'timed-out',
        },
      }),
    );
    expect(cell).toMatchObject({
      level: 'unknown',
      reason:
        'logs: UPSTREAM_TIMEOUT: opensearch did not answer within 10000 ms',
      failed: true,
    });
    // A judged warning outranks the unknown area, but the cell is still marked as not fully read.
    expect(
      rollUpSummary(
        ok({
          slo: { level: 'warning', reason: 'burning' },
          logs: {
            level: 'unknown',
            reason: 'UPSTREAM_ERROR: 503',
            cause: 'upstream-failed',
          },
        }),
      ),
    ).toMatchObject({ level: 'warning', failed: true });
  });

  it('counts a malformed annotation or a denied area as unknown, not as not set up', () => {
    expect(
      rollUpSummary(
        ok({
          metrics: { level: 'healthy', reason: 'fine' },
          logs: {
            level: 'unknown',
            reason: 'not permitted',
            cause: 'not-permitted',
          },
        }),
      ),
    ).toMatchObject({ level: 'unknown', reason: 'logs: not permitted' });
    expect(
      rollUpSummary(
        ok({
          metrics: { level: 'healthy', reason: 'fine' },
          deployments: {
            level: 'unknown',
            reason:
              "BAD_ANNOTATION: argocd/app-selector: 'a b' is not a label selector",
          },
        }),
      ),
    ).toMatchObject({ level: 'unknown', area: 'deployments' });
  });

  it('says so when nothing is set up, and when the environment is absent, failed or not configured', () => {
    expect(
      rollUpSummary(
        ok({ logs: notSetUp('no index'), storage: notSetUp('none') }),
      ),
    ).toEqual({
      level: 'unknown',
      word: 'Unknown',
      reason: 'no area is set up for this entity here',
    });
    expect(rollUpSummary(undefined).reason).toBe('not deployed here');
    expect(
      rollUpSummary({
        env: 'prod',
        status: 'error',
        error: { type: 'UPSTREAM_TIMEOUT', source: 'thanos', message: 'slow' },
      }),
    ).toMatchObject({ level: 'unknown', reason: 'thanos: slow', failed: true });
    expect(
      rollUpSummary({
        env: 'prod',
        status: 'not-configured',
        source: 'thanos',
      }),
    ).toEqual({
      level: 'unknown',
      word: 'Unknown',
      reason: 'thanos is not configured',
    });
  });
});

describe('hasTimedOutArea', () => {
  it('is true for a timed-out area or environment only', () => {
    expect(
      hasTimedOutArea(
        ok({ logs: { level: 'unknown', reason: 'slow', cause: 'timed-out' } }),
      ),
    ).toBe(true);
    expect(
      hasTimedOutArea(
        ok({
          logs: { level: 'unknown', reason: '503', cause: 'upstream-failed' },
        }),
      ),
    ).toBe(false);
    expect(
      hasTimedOutArea({
        env: 'prod',
        status: 'error',
        error: { type: 'UPSTREAM_TIMEOUT', source: 'thanos', message: 'slow' },
      }),
    ).toBe(true);
    expect(hasTimedOutArea(undefined)).toBe(false);
  });
});
