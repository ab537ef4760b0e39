export { entityMatchers } from './entityMatchers';
export type { PanelDefinition } from './panelDefinition';
export { isOutage, runPanel } from './runPanel';
export type { PanelRun } from './runPanel';
export type { ViewDependencies } from './ViewDependencies';
