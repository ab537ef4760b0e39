export { entityMatchers } from './entityMatchers';
export type { ViewDependencies } from './ViewDependencies';
