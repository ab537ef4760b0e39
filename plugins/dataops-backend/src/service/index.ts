export { EntityViewService } from './EntityViewService';
export type { EntityViewRequest } from './EntityViewService';
