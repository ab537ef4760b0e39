import { ENTITY_VIEWS } from '@dataops-observability/plugin-dataops-common';
import { runLoad } from '../load/runLoad';
import { absoluteRange, viewRequest } from '../platform/viewRequests';
import { ONE_REPLICA, withBenchBackend } from '../platform/withBenchBackend';
import { formatMiB, formatMs } from '../report/format';
import { progress } from '../report/progress';
import type { Scenario, ScenarioResult } from '../types';

const ENVIRONMENTS = ONE_REPLICA.environments;
const REQUESTS_PER_ROUND = 10_000;
const CONNECTIONS = 50;
const ENTITIES = [
  'daily-sales-etl',
  'sales-daily-pipeline',
  'marketing-web-sessions',
];
const VIEWS = ENTITY_VIEWS;
const RANGES = 4;
/** Even after a full collection RSS moves by a few MiB (V8 keeps freed pages); more than this is growth. */
const GROWTH_TOLERANCE = 0.05;
const SETTLE_MS = 2000;

/** Every (entity, view, range) combination once, in an order that interleaves views and entities. */
function mixedPaths(): string[] {
  const paths: string[] = [];
  for (let r = 0; r < RANGES; r++) {
    for (const view of VIEWS) {
      for (const entity of ENTITIES) {
        paths.push(viewRequest(entity, view, absoluteRange(r), ENVIRONMENTS));
      }
    }
  }
  return paths;
}

/**
 * Scenario 6: resident memory of a backend process after start, after 10,000 mixed page views and after
 * 10,000 more of the same mix.
 */
export const memoryScenario: Scenario = {
  id: 'memory',
  title: 'Memory',
  run(): Promise<ScenarioResult> {
    return withBenchBackend(
      { ...ONE_REPLICA, replay: true },
      async ({ backend: started }) => {
        const paths = mixedPaths();
        const settled = async () => {
          await new Promise(r => setTimeout(r, SETTLE_MS));
          return started.memoryAfterGc();
        };
        const rows: Array<Record<string, string | number>> = [];
        const memory = [await settled()];
        const rss = [memory[0].rssBytes];
        rows.push({
          after: 'start',
          requests: 0,
          RSS: formatMiB(rss[0]),
          'heap used': formatMiB(memory[0].heapUsedBytes),
          p99: '-',
          failed: '-',
        });
        for (let round = 1; round <= 2; round++) {
          progress(
            `memory: ${REQUESTS_PER_ROUND} mixed requests, round ${round} of 2`,
          );
          const load = await runLoad({
            url: started.url,
            path: n => paths[n % paths.length],
            headers: { authorization: started.authorization },
            connections: CONNECTIONS,
            amount: REQUESTS_PER_ROUND,
          });
          memory.push(await settled());
          rss.push(memory[round].rssBytes);
          rows.push({
            after: `${
              round === 1 ? 'first' : 'second'
            } ${REQUESTS_PER_ROUND.toLocaleString('en-US')}`,
            requests: round * REQUESTS_PER_ROUND,
            RSS: formatMiB(rss[round]),
            'heap used': formatMiB(memory[round].heapUsedBytes),
            p99: formatMs(load.p99),
            failed: load.failures,
          });
        }
        const growth = (rss[2] - rss[1]) / rss[1];
        return {
          id: 'memory',
          title: 'Memory',
          goal: `no RSS growth over the second ${REQUESTS_PER_ROUND.toLocaleString(
            'en-US',
          )} requests (within ${GROWTH_TOLERANCE * 100}%)`,
          measured: `${formatMiB(rss[0])} after start, ${formatMiB(
            rss[1],
          )} after ${REQUESTS_PER_ROUND.toLocaleString('en-US')}, ${
            growth >= 0 ? '+' : ''
          }${(growth * 100).toFixed(
            1,
          )}% over the next ${REQUESTS_PER_ROUND.toLocaleString('en-US')}`,
          verdict: growth <= GROWTH_TOLERANCE ? 'met' : 'missed',
          columns: ['after', 'requests', 'RSS', 'heap used', 'p99', 'failed'],
          rows,
          notes: [
            `Resident set size and V8 heap in use of the backend process (process.memoryUsage), read ${
              SETTLE_MS / 1000
            } s after each round, right after a full garbage collection (the backend runs with --expose-gc), so garbage that a later collection would free does not count as growth. The mix cycles through ${
              paths.length
            } distinct page views: ${VIEWS.length} views x ${
              ENTITIES.length
            } entities (spark job, Airflow DAG, Iceberg table) x ${RANGES} ranges, ${
              ENVIRONMENTS.length
            } environments each, from ${CONNECTIONS} autocannon connections; entries expire with their TTLs during a round, so the mix keeps making cold views too.`,
            'The first round fills the in-memory cache and warms up V8 (compiled code, grown heap); the second round repeats the same mix, so memory that keeps growing there is a leak, not a cache filling up.',
            'The backend runs the TypeScript sources through the Backstage node transform as in development, which keeps the compiler in memory: a built backend starts smaller. The alert poller is off here so its episodes, stored in the in-memory SQLite database, do not count as growth.',
          ],
        };
      },
    );
  },
};
