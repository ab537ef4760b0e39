import type { SliTemplate } from '../slo';
import { SLI_LAYER_OF_ENTITY_TYPE, selectedProfile } from './registry';
import type { ProfileSelection } from './types';

/**
 * The SLI template of an entity type under a profile selection, or undefined when the selected exporter
 * publishes no event counters for it (the SLO view then asks for a configured template).
 * @public
 */
export function sliTemplateFromProfile(
  entityType: string,
  selection: Readonly<ProfileSelection>,
): SliTemplate | undefined {
  const layer = SLI_LAYER_OF_ENTITY_TYPE.get(entityType);
  const sli = layer ? selectedProfile(selection, layer).sli : undefined;
  return sli ? { ...sli, entityType } : undefined;
}
