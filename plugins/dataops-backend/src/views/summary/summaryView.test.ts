import { NotAllowedError } from '@backstage/errors';
import {
  DataOpsMissingAnnotationError,
  DataOpsNotConfiguredError,
  DataOpsSourceError,
  DataOpsView,
} from '@dataops-observability/plugin-dataops-node';
import { createSummaryView } from './summaryView';

/** One view per area whose summary throws what the test names, or answers healthy. */
function summaryOf(failures: Map<string, unknown>) {
  const views = [
    'metrics',
    'logs',
    'deployments',
    'slo',
    'storage',
    'alerts',
  ].map(
    area =>
      ({
        name: area,
        area,
        summarize: () => undefined,
      } as unknown as DataOpsView),
  );
  const summary = createSummaryView({ all: () => views });
  return summary.run({
    runViewSummary: async (name: string) => {
      if (failures.has(name)) {
        throw failures.get(name);
      }
      return { level: 'healthy', reason: `${name} fine` };
    },
  } as any);
}

describe('summary view', () => {
  it('says why an area could not be judged, so roll-ups can tell "not set up" from "failed"', async () => {
    const { areas } = await summaryOf(
      new Map<string, unknown>([
        [
          'logs',
          new DataOpsMissingAnnotationError(
            'opensearch',
            'the entity has no dataops.io/opensearch-index annotation',
          ),
        ],
        ['deployments', new DataOpsNotConfiguredError('argocd', 'prod')],
        [
          'slo',
          new DataOpsSourceError({
            type: 'UPSTREAM_TIMEOUT',
            source: 'thanos',
            message: 'thanos did not answer within 10000 ms',
          }),
        ],
        [
          'storage',
          new DataOpsSourceError({
            type: 'BAD_ANNOTATION',
            source: 'thanos',
            message: "dataops.io/storage: 'x' is not valid",
          }),
        ],
        ['alerts', new NotAllowedError('no')],
        [
          'metrics',
          new DataOpsSourceError({
            type: 'UPSTREAM_ERROR',
            source: 'thanos',
            message: 'thanos answered 503',
          }),
        ],
      ]),
    );
    expect(areas.logs).toEqual({
      level: 'unknown',
      reason:
        'BAD_ANNOTATION: the entity has no dataops.io/opensearch-index annotation',
      cause: 'not-set-up',
    });
    expect(areas.deployments).toEqual({
      level: 'unknown',
      reason: 'argocd is not configured',
      cause: 'not-set-up',
    });
    expect(areas.slo.cause).toBe('timed-out');
    expect(areas.metrics.cause).toBe('upstream-failed');
    // A malformed annotation is the author's to fix, not an absent area: no cause, so it counts as unknown.
    expect(areas.storage).toEqual({
      level: 'unknown',
      reason: "BAD_ANNOTATION: dataops.io/storage: 'x' is not valid",
    });
    expect(areas.alerts).toEqual({
      level: 'unknown',
      reason: 'not permitted',
      cause: 'not-permitted',
    });
    expect(areas.runs).toEqual({
      level: 'unknown',
      reason: 'no runs view is installed',
      cause: 'not-set-up',
    });
  });

  it('passes other failures on', async () => {
    await expect(
      summaryOf(new Map([['logs', new TypeError('bug')]])),
    ).rejects.toThrow('bug');
  });
});
