export { createSummaryView } from './summaryView';
