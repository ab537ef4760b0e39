export { ENTITY_LABEL, buildTeamAlerts, toActiveAlert } from './alerts';
export {
  AlertPoller,
  EpisodeStore,
  computeIncidents,
  readPollerConfig,
} from './incidents';
export type {
  EpisodeObservation,
  EpisodeRow,
  OpenedEpisode,
  PollChanges,
  PollResult,
  PollerConfig,
} from './incidents';
export { AlertNotifier, ALERT_NOTIFICATION_TOPIC } from './notifications';
export { CatalogOwnership, parseGroupRef } from './ownership';
export { generateRoutingTree } from './routing';
export { createTeamRouter } from './router';
export { setupTeams } from './setupTeams';
