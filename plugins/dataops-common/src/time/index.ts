export {
  TimeRangeError,
  parseTimeExpression,
  parseTimeRange,
} from './parseTimeRange';
export type { TimeRange, TimeRangeOptions } from './parseTimeRange';
