export { buildTeamAlerts } from './buildTeamAlerts';
export { readAttributedAlerts } from './readAttributedAlerts';
export { createSharedAlertReads } from './sharedAlertReads';
export type { AttributedAlert, AttributedAlerts } from './readAttributedAlerts';
export { ENTITY_LABEL, toActiveAlert, toStringMap } from './toActiveAlert';
