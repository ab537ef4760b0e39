/**
 * Backend side of the exporter profiles (the profiles themselves live in the common package, so the
 * scaffolder and the rule generator read the same ones): which profile an environment uses for an entity type.
 */
export {
  profileSelectionFor,
  staleAfterSecondsFor,
} from './environmentProfile';
