export { EntityDataOpsTeamAlertsCard } from './EntityDataOpsTeamAlertsCard';
export type { EntityDataOpsTeamAlertsCardProps } from './EntityDataOpsTeamAlertsCard';
export { TeamAlertsList } from './TeamAlertsList';
export { IncidentsSummary } from './IncidentsSummary';
