export { createSloView } from './sloView';
export { summarizeSlo } from './summarizeSlo';
export { burndownStepSeconds } from './measureSlo';
