import { callKind, describeCalls } from '../analysis/callKinds';
import { callsPerEnvironment, repeatedQueries } from '../analysis/queryRepeats';
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
  const log = proxy.callLog();
  return {
    total: proxy.calls(),
    kinds: describeCalls(log),
    probes: log.filter(
      c => callKind(c.path, c.query) === 'prometheus freshness probe',
    ).length,
    seriesPerEnv: Math.max(0, ...callsPerEnvironment(log, '/series').values()),
    repeats: repeatedQueries(log),
  };
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
        let metricsProbes = 0;
        let metricsSeriesPerEnv = 0;
        let metricsRepeats: string[] = [];
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
            metricsProbes = one.probes;
            metricsSeriesPerEnv = one.seriesPerEnv;
            metricsRepeats = one.repeats;
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
        const envs = ENVIRONMENTS.length;
        // Beyond one call per pair: one `series` call per environment, and the configured fallbacks, asked
        // along with their panels; every query at most once per environment (a repeat is unshared work).
        const fallbacks = Math.max(
          0,
          metricsColdCalls - metricsProbes - pairs - metricsSeriesPerEnv * envs,
        );
        const withinBudget =
          metricsSeriesPerEnv <= 1 &&
          metricsRepeats.length === 0 &&
          metricsProbes === 0;
        return {
          id: 'cost',
          title: 'Cost per page view',
          goal: 'cold metrics: at most one upstream call per (panel, environment) plus one per environment (plus configured fallbacks asked along), whatever the number of viewers; 0 warm',
          measured: `metrics: ${metricsColdCalls} calls for ${pairs} (panel, environment) pairs and ${envs} environments cold (${metricsSeriesPerEnv} series per environment, ${fallbacks} fallback, ${metricsProbes} freshness probes), ${
            duplicated ? 'more' : 'no more'
          } with ${VIEWERS} viewers; ${warmCalls} warm`,
          verdict:
            withinBudget && !duplicated && warmCalls === 0 ? 'met' : 'missed',
          columns: ['view', 'page views', 'cache', 'upstream calls', 'calls'],
          rows,
          notes: [
            `Entity \`${ENTITY}\` over ${ENVIRONMENTS.length} environments (the sandbox's stage, prod and dev); ${pairs} (panel, environment) pairs in the metrics view. The ${VIEWERS} identical page views are sent at once by autocannon (${VIEWERS} connections); "warm" repeats them right after, within the 30 s TTL of the metrics view.`,
            'Identical requests in flight share one computation per (view, environment) and answers are cached per (view, environment, entity, range), so the number of viewers does not change the number of upstream calls.',
            'Each panel asks its query, a configured fallback query is asked at the same moment (not after the main query came back empty), and one `series` call per environment tells "not collected" from "empty" for all panels at once (its answer is read only for panels without samples). So a page is one round of upstream calls whatever state its panels are in.',
            ...(metricsRepeats.length
              ? [`Queries asked more than once: ${metricsRepeats.join('; ')}.`]
              : []),
            ...(metricsProbes > 0
              ? [
                  `Missed because of the ${metricsProbes} freshness probes: each panel with samples also sends a \`timestamp()\` query to judge whether its newest sample is stale. They go out with the panel queries, so they cost no round trip, but they double the range queries. Folding each probe into its panel's query (one \`or\`, told apart by the probe's label) would bring the count back to one call per pair.`,
                ]
              : []),
            '`summary` is not cached itself (so permissions are checked on every view) but its parts are: a summary costs the calls of every area view, and nothing warm.',
          ],
        };
      },
    );
  },
};
