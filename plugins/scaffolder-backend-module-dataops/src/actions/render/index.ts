export { createMonitoringRenderAction } from './createMonitoringRenderAction';
export type { MonitoringRenderActionOptions } from './createMonitoringRenderAction';
