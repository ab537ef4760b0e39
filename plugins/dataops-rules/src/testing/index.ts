export { requireBinary } from './binaries';
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
