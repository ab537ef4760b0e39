/**
 * Test helpers for the DataOps observability suite and for adopters who test their own rules: run the
 * real `promtool` and a real Prometheus backfilled with known history, free loopback ports, OpenMetrics
 * writers and `promtool test rules` files for burn-rate scenarios. They spawn processes, so they belong in
 * tests only; no runtime package depends on them.
 *
 * @packageDocumentation
 */
export { requireBinary } from './binaries';
export { freePort } from './freePort';
export { startServerProcess } from './startServerProcess';
export type { ServerProcess, ServerProcessOptions } from './startServerProcess';
export { runPromtool } from './promtool';
export type { PromtoolResult } from './promtool';
export { runAmtool } from './amtool';
export { toOpenMetrics, counterSamples } from './openMetrics';
export type { SeriesHistory } from './openMetrics';
export {
  startPrometheusWithHistory,
  queryInstant,
} from './startPrometheusWithHistory';
export type {
  PrometheusWithHistory,
  StartPrometheusOptions,
  InstantSample,
} from './startPrometheusWithHistory';
export { buildBurnRateUnitTests, seriesValues } from './ruleUnitTests';
export type { BurnScenario, BurnPhase, RulesFileShape } from './ruleUnitTests';
