import {
  AREAS,
  AreaStatus,
  SummaryData,
} from '@dataops-observability/plugin-dataops-common';
import {
  DataOpsSourceError,
  DataOpsView,
} from '@dataops-observability/plugin-dataops-node';

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
              { level: 'unknown', reason: `no ${area} view is installed` },
            ];
          }
          try {
            return [area, await ctx.runViewSummary(view.name)];
          } catch (e) {
            if (e instanceof DataOpsSourceError) {
              return [
                area,
                {
                  level: 'unknown',
                  reason:
                    e.type === 'NOT_CONFIGURED'
                      ? `${e.source} is not configured`
                      : `${e.type}: ${e.message}`,
                },
              ];
            }
            if ((e as Error).name === 'NotAllowedError') {
              return [area, { level: 'unknown', reason: 'not permitted' }];
            }
            throw e;
          }
        }),
      );
      return { areas: Object.fromEntries(entries) as SummaryData['areas'] };
    },
  };
}
