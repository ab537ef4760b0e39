import { runLoadInChild } from '../load/runLoadInChild';
import { absoluteRange, viewRequest } from '../platform/viewRequests';
import { ONE_REPLICA, withBenchBackend } from '../platform/withBenchBackend';
import { formatCount, formatMiB, formatMs } from '../report/format';
import { progress } from '../report/progress';
import type { Scenario, ScenarioResult } from '../types';

const CONNECTIONS = 200;
/** 60 s; BENCH_SOAK_SECONDS shortens it on a shared machine while developing (the report says which). */
const SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 60);
const WARM_UP_SECONDS = 5;
const P99_GOAL_MS = 500;
/** Live memory (heap + external) after a full collection may move by this much; more is growth. */
const GROWTH_TOLERANCE = 0.1;
/** Distinct one-hour windows per page: people look at the last hour and a few before it. */
const RANGES = 2;
const ENTITIES = [
  'daily-sales-etl',
  'sales-daily-pipeline',
  'marketing-web-sessions',
];
const VIEWS = ['summary', 'metrics', 'deployments', 'alerts', 'logs'];

/**
 * Many people on a few entity pages: mostly warm answers, and each answer cold again whenever its
 * lifetime ends (10 to 60 s by view), when all its viewers wait for one computation.
 */
function soakPaths(): string[] {
  const paths: string[] = [];
  for (let r = 0; r < RANGES; r++) {
    for (const view of VIEWS) {
      for (const entity of ENTITIES) {
        paths.push(
          viewRequest(
            entity,
            view,
            absoluteRange(r * 60),
            ONE_REPLICA.environments,
          ),
        );
      }
    }
  }
  return paths;
}

/**
 * Scenario: 200 connections for 60 s against the real backend with the stand-ins 100 ms away: errors, tail
 * latency and memory when many users keep pages open.
 */
export const soakScenario: Scenario = {
  id: 'soak',
  title: 'Soak: 200 connections',
  run(): Promise<ScenarioResult> {
    return withBenchBackend(
      { ...ONE_REPLICA, replay: true },
      async ({ backend: started, proxy }) => {
        const paths = soakPaths();
        const load = (seconds: number) =>
          runLoadInChild({
            url: started.url,
            paths,
            headers: { authorization: started.authorization },
            connections: CONNECTIONS,
            durationSeconds: seconds,
          });
        // Each page once, one at a time, so the stand-ins have recorded every answer: a first visit under
        // load would measure the sandbox computing hundreds of queries at once, not the backend.
        progress(`soak: priming ${paths.length} pages`);
        for (const path of paths) {
          await started.get(path);
        }
        progress(`soak: warm-up ${WARM_UP_SECONDS} s`);
        await load(WARM_UP_SECONDS);
        const before = await started.memoryAfterGc();
        const cpuBefore = await started.cpuSeconds();
        proxy.resetCounts();
        progress(`soak: ${CONNECTIONS} connections for ${SECONDS} s`);
        const soak = await load(SECONDS);
        const cpuMs =
          (((await started.cpuSeconds()) - cpuBefore) * 1000) /
          Math.max(1, soak.latenciesMs.length);
        const calls = proxy.calls();
        // Calls without a recorded answer wait for the sandbox's own compute, not just the stand-in latency.
        const forwarded = proxy.callLog().filter(c => c.forwarded).length;
        const after = await started.memoryAfterGc();
        // Cached answers are buffers outside the V8 heap: live memory is the heap plus external memory.
        const live = (m: typeof before) => m.heapUsedBytes + m.externalBytes;
        const growth = (live(after) - live(before)) / live(before);
        const met =
          soak.failures === 0 &&
          soak.p99 <= P99_GOAL_MS &&
          growth <= GROWTH_TOLERANCE;
        return {
          id: 'soak',
          title: 'Soak: 200 connections',
          goal: `${CONNECTIONS} connections for 60 s: 0 errors, p99 <= ${formatMs(
            P99_GOAL_MS,
          )}, memory flat (heap + external within ${GROWTH_TOLERANCE * 100}%)`,
          measured: `${SECONDS} s: ${soak.failures} errors, p99 ${formatMs(
            soak.p99,
          )}, ${formatCount(
            Math.round(soak.requestsPerSecond),
          )} req/s, live memory ${growth >= 0 ? '+' : ''}${(
            growth * 100
          ).toFixed(1)}%`,
          verdict: met ? 'met' : 'missed',
          columns: [
            'seconds',
            'requests/s',
            'p50',
            'p99',
            'errors',
            'backend CPU / request',
            'upstream calls',
            'of them forwarded to the sandbox',
            'RSS before',
            'RSS after',
            'live memory before',
            'live memory after',
          ],
          rows: [
            {
              seconds: SECONDS,
              'requests/s': Math.round(soak.requestsPerSecond),
              p50: formatMs(soak.p50),
              p99: formatMs(soak.p99),
              errors: soak.failures,
              'backend CPU / request': `${cpuMs.toFixed(2)} ms`,
              'upstream calls': calls,
              'of them forwarded to the sandbox': forwarded,
              'RSS before': formatMiB(before.rssBytes),
              'RSS after': formatMiB(after.rssBytes),
              'live memory before': formatMiB(live(before)),
              'live memory after': formatMiB(live(after)),
            },
          ],
          notes: [
            `${CONNECTIONS} autocannon connections, each sending its next request when the previous answer arrives, cycle through ${
              paths.length
            } page views: ${VIEWS.join(', ')} of ${
              ENTITIES.length
            } entities over ${
              ONE_REPLICA.environments.length
            } environments, ${RANGES} one-hour windows each. Answers are warm until their lifetime ends (10 to 60 s by view), then cold once for all their viewers (single-flight); the summary is assembled per request from the cached area statuses. The stand-ins are 100 ms away and replay recorded sandbox answers, so a cold view costs one round trip, not the sandbox's own compute.`,
            `${
              SECONDS === 60
                ? 'Full length.'
                : `Shortened to ${SECONDS} s with BENCH_SOAK_SECONDS (the goal is 60 s).`
            } Every page is opened once before (so the stand-ins can replay its answers) and a ${WARM_UP_SECONDS} s warm-up runs first and is not counted; memory is read after a full garbage collection before and after the measured run, and "flat" is judged on live memory, the V8 heap plus external memory (buffers); RSS also holds memory V8 has freed but not returned. Autocannon runs in a process of its own (in the benchmark process it would also slow the stand-ins living there), on the same 2 cores as the backend.`,
          ],
        };
      },
    );
  },
};
