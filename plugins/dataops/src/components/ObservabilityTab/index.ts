export { ObservabilityTab } from './ObservabilityTab';
export { OverviewMatrix, sortAreasWorstFirst } from './OverviewMatrix';
export type { OverviewMatrixProps } from './OverviewMatrix';
