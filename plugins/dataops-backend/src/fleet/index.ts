export { computeFleet } from './computeFleet';
export type {
  ComputeFleetOptions,
  FleetCell,
  FleetEntity,
  FleetResult,
  FleetRow,
} from './computeFleet';
export { FleetService, isAnnotated } from './FleetService';
export { rollUpSummary } from './rollUpSummary';
export type { FleetFilters, FleetLimits } from './FleetService';
export { createFleetRouter } from './createFleetRouter';
export { readFleetLimits } from './readFleetLimits';
export { runBounded } from './runBounded';
export type { BoundedRunOptions } from './runBounded';
