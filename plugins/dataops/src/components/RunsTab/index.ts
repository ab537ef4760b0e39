export { RunsTab, RunsView } from './RunsTab';
export type { RunsViewProps } from './RunsTab';
export { RunItem, durationText } from './RunItem';
export { RunDurationChart, durationRows } from './RunDurationChart';
export { logsQueryForRun, RUN_LOG_MARGIN_MS } from './runLinks';
