export {
  ENTITY_LABEL,
  buildTeamAlerts,
  createSharedAlertReads,
  readAttributedAlerts,
  toActiveAlert,
  toStringMap,
} from './alerts';
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
export {
  CatalogOwnership,
  GroupTree,
  OwnershipIndex,
  parseGroupRef,
} from './ownership';
export type { AlertTarget } from './ownership';
export { generateRoutingTree } from './routing';
export { createCatalogOwnership, createTeamRouter } from './router';
export type { AttributedAlerts } from './alerts';
export { setupTeams } from './setupTeams';
