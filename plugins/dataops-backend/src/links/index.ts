export {
  checkLinkBase,
  compileLinkTemplate,
  fillLinkTemplate,
  isLinkTemplate,
} from './linkTemplate';
export type { LinkTemplate } from './linkTemplate';
export {
  buildMetricsLink,
  METRICS_LINK_PLACEHOLDERS,
  promDuration,
  readMetricsLinkConfig,
} from './metricsLink';
export type { MetricsLinkConfig } from './metricsLink';
export {
  buildDashboardsLink,
  freeTextToDql,
  readDashboardsLinkConfig,
} from './dashboardsLink';
export type { DashboardsLinkConfig, DashboardsSearch } from './dashboardsLink';
export {
  argoCdAppUrl,
  COMMIT_LINK_PLACEHOLDERS,
  commitUrl,
  parseRepoUrl,
  readArgoCdLinkConfig,
} from './argoCdLinks';
export type { CommitLinkTemplate } from './argoCdLinks';
export { rison, risonObject, risonString } from './rison';
export type { RisonValue } from './rison';
