export { createSummaryView } from './summaryView';
export type { SummarySources } from './summaryView';
