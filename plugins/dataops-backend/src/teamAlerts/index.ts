export { buildTeamAlerts } from './buildTeamAlerts';
