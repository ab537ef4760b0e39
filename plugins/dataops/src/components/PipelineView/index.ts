export { EntityDataOpsPipelineCard } from './EntityDataOpsPipelineCard';
export { isDataOpsPipelineAvailable } from './isDataOpsPipelineAvailable';
export { PipelineChart, formatAge } from './PipelineChart';
