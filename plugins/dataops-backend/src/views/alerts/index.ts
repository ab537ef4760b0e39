export { ENTITY_LABEL, createAlertsView, toActiveAlert } from './alertsView';
