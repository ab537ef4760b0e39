export {
  EntityDataOpsTeamReportCard,
  TeamReport,
  TEAM_REPORT_POLL_MS,
} from './TeamReport';
export type {
  EntityDataOpsTeamReportCardProps,
  TeamReportProps,
} from './TeamReport';
export { TeamReportView, trendText } from './TeamReportView';
