export { buildTeamAlerts } from './buildTeamAlerts';
export { ENTITY_LABEL, toActiveAlert } from './toActiveAlert';
