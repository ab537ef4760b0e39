export {
  evaluateThresholds,
  rollupArea,
  worstLevel,
} from './evaluateThresholds';
export type { LevelInput } from './evaluateThresholds';
