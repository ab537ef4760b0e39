export { evaluateThresholds, rollupArea } from './evaluateThresholds';
export type { LevelInput } from './evaluateThresholds';
export { rollupStates } from './rollupStates';
export type { StateInput } from './rollupStates';
