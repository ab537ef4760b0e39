export { Evaluator } from './Evaluator';
export { parseDuration, parsePromQL } from './parse';
export { labelsKey, matches, matchesAll } from './matchers';
export { PromQLError } from './types';
export type {
  InstantSeries,
  InstantValue,
  LabelMatcher,
  Labels,
  RangeSeries,
  Sample,
  SeriesSource,
  StoredSeries,
} from './types';
