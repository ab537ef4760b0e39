import { viewPath } from '../backend/entities';
import type { MemoryProbeAnswer } from '../backend/memoryProbe';
import { runLoad } from '../load/runLoad';
import { BenchBackend } from '../platform/BenchBackend';
import { formatMiB, formatMs } from '../report/format';
import { progress } from '../report/progress';
import type { Scenario, ScenarioResult } from '../types';
import { CannedLogSearch } from '../upstreams/CannedLogSearch';

/** Distinct log searches in all; BENCH_DISTINCT_QUERIES overrides it for a shorter run while developing. */
const DISTINCT_QUERIES = Number(process.env.BENCH_DISTINCT_QUERIES ?? 100_000);
const ROUNDS = 4;
const CONNECTIONS = 50;
const ENVIRONMENT = 'env01';
const ENTITY = 'daily-sales-etl';
/** What one caller may add to the in-process answer store (see ViewCache's DEFAULT_LOCAL_LIMITS). */
const PER_CALLER_BYTES = 32 * 1024 * 1024;
/** Live memory may move by this much between rounds once the cache is full (V8's own bookkeeping). */
const GROWTH_TOLERANCE = 0.1;
const SETTLE_MS = 2000;

/** Answers are kept as buffers, outside the V8 heap: live memory is the heap plus external memory. */
const live = (m: MemoryProbeAnswer) => m.heapUsedBytes + m.externalBytes;
const count = (n: number) => n.toLocaleString('en-US');

function memoryRow(after: string, queries: number, m: MemoryProbeAnswer) {
  return {
    after,
    'distinct queries': count(queries),
    RSS: formatMiB(m.rssBytes),
    'heap used': formatMiB(m.heapUsedBytes),
    external: formatMiB(m.externalBytes),
    'live (heap + external)': formatMiB(live(m)),
  };
}

/**
 * Scenario: the view cache stays bounded however many distinct queries arrive. One caller sends 100,000 log
 * searches with distinct free text (each a cold view and a new cache entry), with the logs answers kept for
 * an hour so lifetimes do not empty the cache: only its size caps can hold memory flat.
 */
export const cacheBoundScenario: Scenario = {
  id: 'cache-bound',
  title: 'Cache bound under distinct queries',
  async run(): Promise<ScenarioResult> {
    const search = await new CannedLogSearch().start();
    let backend: BenchBackend | undefined;
    try {
      backend = await BenchBackend.start({
        environments: [ENVIRONMENT],
        upstreamUrl: search.url,
        cache: 'memory',
        database: 'sqlite',
        cacheTtlSeconds: { logs: 3600 },
      });
      const started = backend;
      const settled = async () => {
        await new Promise(r => setTimeout(r, SETTLE_MS));
        return started.memoryAfterGc();
      };
      const base = `${viewPath(ENTITY, 'logs')}?env=${ENVIRONMENT}&from=now-1h`;
      const answerBytes = Buffer.byteLength(
        JSON.stringify(await started.get(`${base}&q=probe`)),
      );
      const perRound = Math.ceil(DISTINCT_QUERIES / ROUNDS);
      const memory = [await settled()];
      const rows: Array<Record<string, string | number>> = [
        { ...memoryRow('start', 0, memory[0]), p99: '-', failed: '-' },
      ];
      let failed = 0;
      for (let round = 1; round <= ROUNDS; round++) {
        progress(`cache-bound: distinct searches, round ${round} of ${ROUNDS}`);
        const offset = (round - 1) * perRound;
        const load = await runLoad({
          url: started.url,
          path: n => `${base}&q=term${offset + n}`,
          headers: { authorization: started.authorization },
          connections: CONNECTIONS,
          amount: perRound,
        });
        failed += load.failures;
        memory.push(await settled());
        rows.push({
          ...memoryRow(`round ${round}`, round * perRound, memory[round]),
          p99: formatMs(load.p99),
          failed: load.failures,
        });
      }
      // The first round fills the caller's share of the cache; from then on memory must not grow.
      const growth = (live(memory[ROUNDS]) - live(memory[1])) / live(memory[1]);
      const met = growth <= GROWTH_TOLERANCE && failed === 0;
      return {
        id: 'cache-bound',
        title: 'Cache bound under distinct queries',
        goal: `live memory (heap + external) flat, within ${
          GROWTH_TOLERANCE * 100
        }%, from the first quarter to the end of ${count(
          DISTINCT_QUERIES,
        )} distinct queries; 0 failed`,
        measured: `live memory ${formatMiB(live(memory[1]))} after ${count(
          perRound,
        )}, ${formatMiB(live(memory[ROUNDS]))} after ${count(
          ROUNDS * perRound,
        )} (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(
          1,
        )}%); ${failed} failed`,
        verdict: met ? 'met' : 'missed',
        columns: [
          'after',
          'distinct queries',
          'RSS',
          'heap used',
          'external',
          'live (heap + external)',
          'p99',
          'failed',
        ],
        rows,
        notes: [
          `One caller (one service token) asks the logs view of \`${ENTITY}\` in one environment with a different \`q\` each time (\`term0\`, \`term1\`, ...) from ${CONNECTIONS} autocannon connections; ${count(
            search.calls(),
          )} searches reached the stand-in OpenSearch, which answers every search at once with the same 50 log lines, so the backend's own memory is measured, not a search engine's. One environment's logs answer is ${Math.round(
            answerBytes / 1024,
          )} KiB. The logs answers are kept for an hour (\`cacheTtlSeconds.logs: 3600\`) so expiry cannot hide growth.`,
          `Every distinct query is a new cache entry. The in-process store holds at most 128 MiB, 20,000 entries and 32 MiB added by one caller, least recently used out first: this caller fills their share after about ${count(
            Math.ceil(PER_CALLER_BYTES / answerBytes),
          )} queries, and from then on each new answer pushes out one of their own older ones. Before this store, answers went to Backstage's \`memory\` cache store, which drops an expired entry only when it is read again: ${count(
            DISTINCT_QUERIES,
          )} such searches would have left about ${formatMiB(
            DISTINCT_QUERIES * answerBytes,
          )} of answers behind, with nothing to remove them.`,
          `Memory is read ${
            SETTLE_MS / 1000
          } s after each round, right after a full garbage collection in the backend process (process.memoryUsage); cached answers are buffers, counted in "external", not in "heap used".`,
        ],
      };
    } finally {
      await backend?.stop();
      await search.stop();
    }
  },
};
