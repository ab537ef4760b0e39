export { PipelineService } from './PipelineService';
export type { PipelineSettings } from './PipelineService';
export { createPipelineRouter } from './createPipelineRouter';
export { readPipelineSettings } from './readPipelineSettings';
export { orderSteps } from './orderSteps';
