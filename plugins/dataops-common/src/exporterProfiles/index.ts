/**
 * Exporter profiles: for each platform layer, the series real exporters publish (named exactly as they
 * appear in Prometheus, with the upstream source they were read in) and the suite's query templates
 * written against them. Panels, storage checks, SLI templates and generated alert rules all read these.
 */
export {
  PROFILE_LAYERS,
  type ExporterProfile,
  type ExporterSeries,
  type ExporterSeriesType,
  type ProfileEvidence,
  type ProfileLayer,
  type ProfileSelection,
  type ProfileSli,
  type ProfileSource,
} from './types';
export {
  DEFAULT_PROFILE_SELECTION,
  EXPORTER_PROFILES,
  SLI_LAYER_OF_ENTITY_TYPE,
  profilesOfLayer,
  resolveProfileSelection,
  selectedProfile,
} from './registry';
export { sliTemplateFromProfile } from './sliTemplateFromProfile';
