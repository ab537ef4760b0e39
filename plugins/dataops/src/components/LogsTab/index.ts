export { LogsTab } from './LogsTab';
export { LogTable } from './LogTable';
export type { LogTableProps, EnvLogHit } from './LogTable';
export { LogHistogram } from './LogHistogram';
export type { LogHistogramProps } from './LogHistogram';
