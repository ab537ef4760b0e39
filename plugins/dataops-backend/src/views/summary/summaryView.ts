import {
  AREAS,
  AreaStatus,
  AreaUnknownCause,
  SummaryData,
} from '@dataops-observability/plugin-dataops-common';
import {
  DataOpsMissingAnnotationError,
  DataOpsSourceError,
  DataOpsView,
} from '@dataops-observability/plugin-dataops-node';

/** Failures an upstream may not repeat when asked again, by the cause the summary gives them. */
const TRANSIENT_CAUSES = new Map<string, AreaUnknownCause>([
  ['UPSTREAM_TIMEOUT', 'timed-out'],
  ['UPSTREAM_ERROR', 'upstream-failed'],
]);

/** The status of an area whose view threw `e`, or undefined when `e` is not one the summary reports. */
function unknownArea(e: unknown): AreaStatus | undefined {
  if (e instanceof DataOpsSourceError) {
    if (
      e.type === 'NOT_CONFIGURED' ||
      e instanceof DataOpsMissingAnnotationError
    ) {
      return {
        level: 'unknown',
        reason:
          e.type === 'NOT_CONFIGURED'
            ? `${e.source} is not configured`
            : `${e.type}: ${e.message}`,
        cause: 'not-set-up',
      };
    }
    const cause = TRANSIENT_CAUSES.get(e.type);
    return {
      level: 'unknown',
      reason: `${e.type}: ${e.message}`,
      ...(cause ? { cause } : {}),
    };
  }
  if ((e as Error).name === 'NotAllowedError') {
    return {
      level: 'unknown',
      reason: 'not permitted',
      cause: 'not-permitted',
    };
  }
  return undefined;
}

/** The views the summary can read: every view served, the modules' included. */
export interface SummarySources {
  all(): DataOpsView<any>[];
}

/**
 * `summary`: one status per area, computed from the views that declare that area. It is not cached itself
 * (its parts are), so a caller never sees parts that their permissions would hide.
 */
export function createSummaryView(
  registry: SummarySources,
): DataOpsView<SummaryData> {
  return {
    name: 'summary',
    ttlSeconds: 0,
    async run(ctx) {
      const entries = await Promise.all(
        AREAS.map(async (area): Promise<[string, AreaStatus]> => {
          const view = registry.all().find(v => v.area === area && v.summarize);
          if (!view) {
            return [
              area,
              {
                level: 'unknown',
                reason: `no ${area} view is installed`,
                cause: 'not-set-up',
              },
            ];
          }
          try {
            return [area, await ctx.runViewSummary(view.name)];
          } catch (e) {
            const status = unknownArea(e);
            if (!status) {
              throw e;
            }
            return [area, status];
          }
        }),
      );
      return { areas: Object.fromEntries(entries) as SummaryData['areas'] };
    },
  };
}
