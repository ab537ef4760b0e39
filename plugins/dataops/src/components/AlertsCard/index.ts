export { AlertList } from './AlertList';
export type { AlertListProps } from './AlertList';
export { EntityDataOpsAlertsCard } from './EntityDataOpsAlertsCard';
