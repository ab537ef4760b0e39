import { describeCalls } from '../analysis/callKinds';
import { runLoad } from '../load/runLoad';
import { absoluteRange, viewRequest } from '../platform/viewRequests';
import { ONE_REPLICA, withBenchBackend } from '../platform/withBenchBackend';
import type { Scenario, ScenarioResult } from '../types';
import type { DelayedCountingProxy } from '../upstreams/DelayedCountingProxy';
import { progress } from '../report/progress';

const ENTITY = 'daily-sales-etl';
const ENVIRONMENTS = ONE_REPLICA.environments;
const VIEWERS = 50;

interface MetricsAnswer {
  environments: Array<{ data?: { panels: unknown[] } }>;
}

/** Upstream calls made while `action` ran, and what they were. */
async function callsDuring(
  proxy: DelayedCountingProxy,
  action: () => Promise<unknown>,
) {
  proxy.resetCounts();
  await action();
  return { total: proxy.calls(), kinds: describeCalls(proxy.callLog()) };
}

/**
 * Scenario 2: upstream calls for one cold page view, for 50 identical page views at once, and for 50 more
 * within the cache TTL.
 */
export const costPerViewScenario: Scenario = {
  id: 'cost',
  title: 'Cost per page view',
  run(): Promise<ScenarioResult> {
    return withBenchBackend(
      ONE_REPLICA,
      async ({ backend: started, proxy }) => {
        const viewers = (path: string) =>
          runLoad({
            url: started.url,
            path,
            headers: { authorization: started.authorization },
            connections: VIEWERS,
            amount: VIEWERS,
          });
        const rows: Array<Record<string, string | number>> = [];
        let pairs = 0;
        let metricsColdCalls = 0;
        let duplicated = false;
        let warmCalls = 0;
        let offset = 0;
        for (const view of ['metrics', 'summary']) {
          progress(`cost: ${view}`);
          // Each case gets its own range, so it starts from an empty cache.
          const single = viewRequest(
            ENTITY,
            view,
            absoluteRange(offset++),
            ENVIRONMENTS,
          );
          let answer: unknown;
          const one = await callsDuring(proxy, async () => {
            answer = await started.get(single);
          });
          const crowd = viewRequest(
            ENTITY,
            view,
            absoluteRange(offset++),
            ENVIRONMENTS,
          );
          const many = await callsDuring(proxy, () => viewers(crowd));
          const warm = await callsDuring(proxy, () => viewers(crowd));
          if (view === 'metrics') {
            pairs = (answer as MetricsAnswer).environments.reduce(
              (n, e) => n + (e.data?.panels.length ?? 0),
              0,
            );
            metricsColdCalls = one.total;
          }
          duplicated ||= many.total > one.total;
          warmCalls += warm.total;
          rows.push(
            {
              view,
              'page views': 1,
              cache: 'cold',
              'upstream calls': one.total,
              calls: one.kinds,
            },
            {
              view,
              'page views': VIEWERS,
              cache: 'cold',
              'upstream calls': many.total,
              calls: many.kinds,
            },
            {
              view,
              'page views': VIEWERS,
              cache: 'warm',
              'upstream calls': warm.total,
              calls: warm.kinds,
            },
          );
        }
        const perPair = metricsColdCalls <= pairs;
        return {
          id: 'cost',
          title: 'Cost per page view',
          goal: 'at most one upstream call per (panel, environment) cold, whatever the number of viewers; 0 warm',
          measured: `metrics: ${metricsColdCalls} calls for ${pairs} (panel, environment) pairs cold, ${
            duplicated ? 'more' : 'no more'
          } with ${VIEWERS} viewers; ${warmCalls} warm`,
          verdict: perPair && !duplicated && warmCalls === 0 ? 'met' : 'missed',
          columns: ['view', 'page views', 'cache', 'upstream calls', 'calls'],
          rows,
          notes: [
            `Entity \`${ENTITY}\` over ${ENVIRONMENTS.length} environments (the sandbox's stage, prod and dev); ${pairs} (panel, environment) pairs in the metrics view. The ${VIEWERS} identical page views are sent at once by autocannon (${VIEWERS} connections); "warm" repeats them right after, within the 30 s TTL of the metrics view.`,
            'Identical requests in flight share one computation per (view, environment) and answers are cached per (view, environment, entity, range), so the number of viewers does not change the number of upstream calls.',
            'A panel costs more than one call when its query returns no samples: the backend then asks `series` whether the metric is collected at all ("not collected" and "empty" look different on the page), and a not-collected panel with a configured fallback runs the fallback query too. In the sandbox, dev does not collect `spark_driver_active_jobs` and stage does not collect `kube_pod_status_phase`, so those panels cost 2-3 calls. Asking `series` once per environment for all empty panels, or caching which metrics exist for longer than the panels, would bring the cold cost closer to one call per pair.',
            '`summary` is not cached itself (so permissions are checked on every view) but its parts are: a summary costs the calls of every area view, and nothing warm.',
          ],
        };
      },
    );
  },
};
