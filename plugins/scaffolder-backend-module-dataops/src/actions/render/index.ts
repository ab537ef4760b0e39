export { createMonitoringRenderAction } from './createMonitoringRenderAction';
