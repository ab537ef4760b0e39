export { freePort } from '@dataops-observability/plugin-dataops-test-utils';
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
export { SERVER_FAULTS, startFaultServer } from './faultServer';
export type {
  FaultServer,
  FaultServerOptions,
  FaultServerRequest,
  ServerFault,
} from './faultServer';
export { openDatabaseProcess } from './databaseProcess';
export type {
  DatabaseProcess,
  KillPoint,
  OutgoingQuery,
} from './databaseProcess';
export { openSearchAnswer } from './openSearchAnswer';
export { loadTableFixture } from './loadTableFixture';
export { readConfigWithSources } from './readConfigWithSources';
