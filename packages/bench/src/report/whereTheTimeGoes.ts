/**
 * The closing section of docs/performance.md: where a request's time went, from V8 profiles of the
 * benchmark backend (BENCH_CPU_PROFILE_DIR=dir or BENCH_HEAP_PROFILE_DIR=dir with `yarn bench <scenario>`).
 * Written by hand after profiling and kept here so every run of the benchmark keeps it; update it when a
 * profile changes the picture.
 */
export const WHERE_THE_TIME_GOES: string[] = [
  '## Where the time goes',
  '',
  'From V8 CPU profiles of the benchmark backend (`BENCH_CPU_PROFILE_DIR=<dir> yarn bench <scenario>`: self time summed by function and by package, start-up excluded) and a sampled heap profile (`BENCH_HEAP_PROFILE_DIR=<dir>`). Taken on the shared 2-core machine in December 2026; other jobs ran at the same time (load average 5 to 10), which roughly doubles the CPU time of any one operation: the ES256 token check, the same code in both runs, cost 0.13 ms per request in the first warm profile and 0.24 ms in the last.',
  '',
  '### Cold page views',
  '',
  '- Before: the time went to waiting, in rounds. A panel whose query came back empty then asked `series` (not collected or just empty?), a not-collected panel then ran its fallback and `series` again, so a cold metrics view took 3 rounds of upstream latency and 24 calls for 21 (panel, environment) pairs; the per-upstream cap of 8 calls queued a cold summary (about 30 calls per environment) into 5 rounds. At 100 ms per round that is 300 ms and 500 ms before the backend did any work.',
  "- After: one round. Each panel sends its query, its configured fallback and the presence check at the same moment (`views/shared/runPanel.ts`); the presence checks of all panels of an environment share one `series` call with several `match[]` (`sources/thanos/MetricPresence.ts`); the freshness probe of a fallback goes out with them; the default cap is 64 calls per upstream and environment, above what one cold summary asks (about 40). Rounds in the fan-out table are 1 for both views at every width.",
  '- What is left is CPU per upstream call, all on one event loop: in the fan-out profile (about 23,000 upstream calls) garbage collection took 15% of the busy time, the HTTP client (undici fetch and web streams) about 4 s, PromQL parsing (the lezer parser, for rendering templates and finding their selectors) about 2.9 s, log masking 1.1 s; altogether about 1 ms of CPU per upstream call on the loaded machine. A cold summary asks about 42 calls per environment (half of the Prometheus range queries are freshness probes), so 30 environments need over a second of CPU whatever the upstream latency: that is why wall time grows far more than 1.2x from 1 to 30 environments. Metrics panels now reuse rendered queries and parsed selectors (`rememberPure`); the SLO and storage views still parse per call.',
  '- What would close the rest: folding each freshness probe into its panel query (one call per panel instead of two), reusing rendered queries in the SLO and storage views, and for wide fan-outs spreading the work over more event loops (replicas, or worker threads for parsing answers).',
  '',
  '### Warm page views',
  '',
  "- Before (16,160 warm requests, about 1.1 ms of busy CPU each): Backstage's token check (ES256) 0.13 ms; the `memory` cache store's deserialiser, which parsed every stored answer again with a reviver, 0.06 ms; `res.send` hashing each answer for an ETag (SHA-1 over about 100 KB for metrics) and encoding it to UTF-8 about 0.1 ms per metrics answer; a SHA-256 cache key per environment per request; garbage collection 15%.",
  "- After: answers are served from the bounded in-process store as the UTF-8 bytes that were stored, spliced into the response with `Buffer.concat` and written with `res.end` (no parse, no re-encoding, no ETag hash); the entity's part of the cache key is computed once per entity object; a caller's catalog lookup can be reused for a few seconds (`dataops.entityCacheSeconds`, off by default, since a catalog edit then shows later); validated query strings are remembered; failures that only configuration and annotations decide (a DAG's runs for a Spark job) are kept like answers. The cached-throughput run measured 0.96 ms (metrics) and 0.89 ms (summary) of backend CPU per request under that load; what remains is mostly Backstage's own per-request work (token check, request log, middleware) and writing the answer to the socket.",
  '',
  '### Memory under load',
  '',
  "- The heap profile of the cache-bound run showed the live heap growing by about 1 KB per request although the answer store stayed at its cap: every upstream call and every environment's time budget used `AbortSignal.timeout`, whose timer keeps the signal, its listeners and `AbortSignal.any`'s bookkeeping alive until the time is up (60 s per call and 180 s per environment in the benchmark's configuration), so finished calls piled up at the request rate. Both now use a timer that is stopped when the call or the run ends.",
];
