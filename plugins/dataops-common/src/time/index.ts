export {
  TimeRangeError,
  parseTimeExpression,
  parseTimeRange,
} from './parseTimeRange';
export type { TimeRange, TimeRangeOptions } from './parseTimeRange';
export { DURATION_UNIT_SECONDS, parseDuration } from './parseDuration';
export type { DurationUnit, ParseDurationOptions } from './parseDuration';
