export { requireBinary } from './binaries';
export { freePort } from './freePort';
export { startServerProcess } from './startServerProcess';
export type { ServerProcess, ServerProcessOptions } from './startServerProcess';
export { runPromtool } from './promtool';
export type { PromtoolResult } from './promtool';
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
export type { BurnScenario, BurnPhase } from './ruleUnitTests';
