export { freePort } from '@internal/plugin-dataops-rules';
export { startAlertmanager, startPrometheus } from './spawnServers';
export type { SpawnedServer } from './spawnServers';
export { toOpenMetrics } from './openMetrics';
export type { GeneratedSeries } from './openMetrics';
export {
  EXPECTED,
  SCENARIO_ENVS,
  scenarioEntity,
  scenarioOpenMetrics,
} from './scenario';
export {
  OWNERSHIP_ENTITIES,
  createSilence,
  testAlert,
} from './alertOwnershipFixture';
export { createAlertPollerFixture } from './alertPollerFixture';
export type { AlertPollerFixture } from './alertPollerFixture';
