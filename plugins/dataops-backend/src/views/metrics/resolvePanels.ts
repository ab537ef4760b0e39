import type { ProfileSelection } from '@dataops-observability/plugin-dataops-common';
import type { PanelOverride } from '../../config';
import type { PanelDefinition } from '../shared';
import { DEFAULT_PANELS, defaultPanels } from './defaultPanels';

/**
 * Panels for an entity type: the defaults written against the environment's exporter profiles (the default
 * stack without `selection`); configured items replace them in their order; an item without a query that
 * names a default panel only adjusts that panel (title, thresholds, fallback...).
 */
export function resolvePanels(
  entityType: string,
  overrides: Record<string, PanelOverride[]>,
  selection?: Readonly<ProfileSelection>,
): PanelDefinition[] {
  const defaults = selection
    ? defaultPanels(entityType, selection)
    : DEFAULT_PANELS[entityType] ?? [];
  const configured = overrides[entityType];
  if (!configured) {
    return defaults;
  }
  const panels: PanelDefinition[] = [];
  for (const o of configured) {
    const base = defaults.find(d => d.id === o.id);
    const query = o.query ?? base?.query;
    if (!query) {
      throw new Error(
        `Invalid dataops panel ${entityType} '${o.id}': no query and no default panel of that id`,
      );
    }
    panels.push({
      id: o.id,
      title: o.title ?? base?.title ?? o.id,
      unit: o.unit ?? base?.unit ?? '',
      description: o.description ?? base?.description,
      query,
      fallbackQuery:
        o.fallbackQuery ?? (o.query ? undefined : base?.fallbackQuery),
      thresholds: o.thresholds ?? base?.thresholds,
    });
  }
  return panels;
}
