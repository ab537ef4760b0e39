export { Faults } from './Faults';
export { findCatalogDir, loadCatalog } from './loadCatalog';
export { ICEBERG_TIMING, Scenario, TROUBLE } from './Scenario';
export type { PodInfo } from './Scenario';
export { ENVIRONMENTS, SERVICES } from './types';
export type { Env, ScenarioEntity, ServiceName, StorageRef, WorkloadType } from './types';
