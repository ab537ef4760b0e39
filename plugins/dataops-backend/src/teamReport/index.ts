export { TeamReportService, budgetCell } from './TeamReportService';
export type { TeamReportServiceOptions } from './TeamReportService';
export { createTeamReportRouter } from './createTeamReportRouter';
export { setupTeamReport } from './setupTeamReport';
export {
  firstBadWindowStart,
  meanDetection,
  noisiestAlerts,
} from './computeTeamReport';
