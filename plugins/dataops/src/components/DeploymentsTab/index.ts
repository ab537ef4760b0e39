export { DeploymentsTab, DeploymentsView } from './DeploymentsTab';
export { ApplicationCard } from './ApplicationCard';
export type { ApplicationCardProps } from './ApplicationCard';
