export { createAlertsView } from './alertsView';
