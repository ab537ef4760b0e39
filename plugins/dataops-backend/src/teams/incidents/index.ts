export { AlertPoller } from './AlertPoller';
export type { OpenedEpisode, PollResult } from './AlertPoller';
export { EpisodeStore } from './EpisodeStore';
export type {
  EpisodeObservation,
  EpisodeRow,
  PollChanges,
} from './EpisodeStore';
export { computeIncidents } from './computeIncidents';
export { readPollerConfig } from './readPollerConfig';
export { scheduleAlertPoller } from './scheduleAlertPoller';
export { scheduleEpisodeRetention } from './scheduleEpisodeRetention';
export type { PollerConfig } from './readPollerConfig';
