import { clusterByGap } from '../analysis/rounds';
import { BenchBackend } from '../platform/BenchBackend';
import { dropDatabases } from '../platform/postgres';
import { numberedEnvironments, startStandIns } from '../platform/standIns';
import { absoluteRange, viewRequest } from '../platform/viewRequests';
import { progress } from '../report/progress';
import type { Scenario, ScenarioResult } from '../types';
import type { DelayedCountingProxy } from '../upstreams/DelayedCountingProxy';

const REDIS = 'redis://127.0.0.1:6379';
const ENVIRONMENTS = numberedEnvironments(3);
/** The smallest poll interval the plugin accepts, so the window holds several polls. */
const POLL_SECONDS = 5;
const WINDOW_SECONDS = 30;
/** The calls of one poll (one per environment) arrive within milliseconds; polls are seconds apart. */
const POLL_GAP_MS = 1000;
const ENTITY = 'daily-sales-etl';

interface TaggedCall {
  at: number;
  replica: 'A' | 'B';
}

function alertmanagerCalls(
  proxy: DelayedCountingProxy,
  replica: 'A' | 'B',
): TaggedCall[] {
  return proxy
    .callLog()
    .filter(c => c.path.includes('/alertmanager/'))
    .map(c => ({ at: c.at, replica }));
}

/**
 * Scenario 4: two backend processes on one Redis cache and one PostgreSQL database. Each replica has its own
 * stand-in upstreams, so every upstream call is attributed to the replica that made it.
 */
export const replicasScenario: Scenario = {
  id: 'replicas',
  title: 'Two replicas sharing Redis and PostgreSQL',
  async run(): Promise<ScenarioResult> {
    const prefix = `dataops_bench_${process.pid}_${Date.now()}_`;
    const proxies = [await startStandIns(), await startStandIns()];
    const backends: BenchBackend[] = [];
    try {
      // One after the other: both would otherwise race to create the same databases.
      for (const proxy of proxies) {
        progress(`replicas: starting replica ${backends.length ? 'B' : 'A'}`);
        backends.push(
          await BenchBackend.start({
            environments: ENVIRONMENTS,
            upstreamUrl: proxy.url,
            cache: { redis: REDIS },
            database: { postgresPrefix: prefix },
            alertPollSeconds: POLL_SECONDS,
          }),
        );
      }
      const [a, b] = backends;
      const [proxyA, proxyB] = proxies;
      const path = viewRequest(
        ENTITY,
        'metrics',
        absoluteRange(),
        ENVIRONMENTS,
      );
      const prometheusCalls = (proxy: DelayedCountingProxy) =>
        proxy.callLog().filter(c => c.path.includes('/prometheus/')).length;
      proxies.forEach(p => p.resetCounts());
      await a.get(path);
      const firstOnA = prometheusCalls(proxyA);
      await b.get(path);
      const firstOnB = prometheusCalls(proxyB);

      progress(`replicas: watching the alert poller for ${WINDOW_SECONDS} s`);
      proxies.forEach(p => p.resetCounts());
      await new Promise(r => setTimeout(r, WINDOW_SECONDS * 1000));
      const calls = [
        ...alertmanagerCalls(proxyA, 'A'),
        ...alertmanagerCalls(proxyB, 'B'),
      ];
      const polls = clusterByGap(
        calls.map(c => c.at),
        POLL_GAP_MS,
      ).map(
        times =>
          new Set(calls.filter(c => times.includes(c.at)).map(c => c.replica)),
      );
      const pollsBy = (r: 'A' | 'B') =>
        polls.filter(p => p.size === 1 && p.has(r)).length;
      const overlapping = polls.filter(p => p.size > 1).length;
      const callsBy = (r: 'A' | 'B') =>
        calls.filter(c => c.replica === r).length;
      const intervals = WINDOW_SECONDS / POLL_SECONDS;
      const cacheShared = firstOnA > 0 && firstOnB === 0;
      const pollsOnce =
        polls.length > 0 && overlapping === 0 && polls.length <= intervals + 1;
      return {
        id: 'replicas',
        title: 'Two replicas sharing Redis and PostgreSQL',
        goal: "replica B's first view served from the shared cache (0 upstream calls); the alert poller runs on one replica at a time",
        measured: `B's first view: ${firstOnB} calls (A: ${firstOnA}); ${polls.length} polls in ${WINDOW_SECONDS} s, ${overlapping} on both replicas`,
        verdict: cacheShared && pollsOnce ? 'met' : 'missed',
        columns: ['measure', 'replica A', 'replica B', 'both'],
        rows: [
          {
            measure: 'first metrics view: Prometheus calls',
            'replica A': firstOnA,
            'replica B': firstOnB,
            both: firstOnA + firstOnB,
          },
          {
            measure: `alert polls in ${WINDOW_SECONDS} s`,
            'replica A': pollsBy('A'),
            'replica B': pollsBy('B'),
            both: polls.length,
          },
          {
            measure: 'polls that ran on both replicas at once',
            'replica A': '-',
            'replica B': '-',
            both: overlapping,
          },
          {
            measure: `Alertmanager calls in ${WINDOW_SECONDS} s`,
            'replica A': callsBy('A'),
            'replica B': callsBy('B'),
            both: calls.length,
          },
          {
            measure: `Alertmanager calls per poll interval (${POLL_SECONDS} s)`,
            'replica A': '-',
            'replica B': '-',
            both: Math.round((calls.length / intervals) * 10) / 10,
          },
        ],
        notes: [
          `Two backend processes with \`backend.cache: { store: redis, connection: ${REDIS} }\` and the same PostgreSQL databases (prefix \`${prefix.replace(
            /\d+_\d+_$/,
            '<run>_',
          )}\`, dropped afterwards), ${
            ENVIRONMENTS.length
          } environments, \`dataops.alertPoller.frequencySeconds: ${POLL_SECONDS}\`. Each replica reaches the upstreams through its own counting stand-in, so calls are attributed to the replica that made them.`,
          `Cache: replica A shows the metrics view of \`${ENTITY}\` first (cold), then replica B shows the same view.`,
          `Poller: one poll reads every environment's Alertmanager once (${ENVIRONMENTS.length} calls). The poll task is scheduled with global scope on the Backstage scheduler, which takes a lock row in the shared database, so one replica polls per interval. Calls closer than ${POLL_GAP_MS} ms form one poll; the scheduler checks for due work every few seconds, so polls can come up to that much later than the ${POLL_SECONDS} s interval.`,
        ],
      };
    } finally {
      await Promise.all(backends.map(b => b.stop()));
      await Promise.all(proxies.map(p => p.stop()));
      await dropDatabases(prefix);
    }
  },
};
