import type { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS, readAnnotation } from '../annotations';
import { extractVectorSelectors, QueryIdentity } from '../promql';
import { SloInputError } from './SloInputError';
import {
  DEFAULT_PROFILE_SELECTION,
  SLI_LAYER_OF_ENTITY_TYPE,
  sliTemplateFromProfile,
} from '../exporterProfiles';

/**
 * An event-based SLI as data: good events / total events, each the sum of one or more counters.
 *
 * Selectors are plain PromQL vector selectors naming only the workload's identity in its own system
 * (`dag_id="${airflowDagId}"`). Placement labels such as `namespace` come from the entity's
 * `dataops.io/prometheus-selector` and are injected into every vector selector by `renderQuery`, so a
 * template needs no selector slot. `${name}` placeholders are keys of {@link ANNOTATIONS}; see
 * {@link sliIdentityForEntity}.
 * @public
 */
export interface SliTemplate {
  /** Stable id, e.g. `spark-app-run-success`; the `slo` label of the recorded series. */
  id: string;
  /** Entity `spec.type` this template is the default for. */
  entityType: string;
  /** Name of the SLI, shown to the user. */
  name: string;
  /** What the SLI measures, in words. */
  description: string;
  /** Counters of good events. */
  goodEvents: string[];
  /** Counters of all events, good and bad. */
  totalEvents: string[];
}

/**
 * Default SLI templates, one per entity type of docs/api.md, "Entities": the event counters of the default
 * exporter stack (see the exporter profiles); an environment using other exporters gets its profile's.
 * @public
 */
export const DEFAULT_SLI_TEMPLATES: Record<string, SliTemplate> =
  Object.fromEntries(
    [...SLI_LAYER_OF_ENTITY_TYPE.keys()].flatMap(type => {
      const template = sliTemplateFromProfile(type, DEFAULT_PROFILE_SELECTION);
      return template ? [[type, template]] : [];
    }),
  );

const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
const SLI_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * Checks a template (for instance one an operator configured): a lowercase id, and good and total
 * events given as one or more plain vector selectors each. Throws {@link SloInputError} naming the
 * problem.
 * @public
 */
export function validateSliTemplate(template: SliTemplate): SliTemplate {
  const where = `Invalid SLI template '${template?.id}'`;
  if (!SLI_ID.test(template?.id ?? '')) {
    throw new SloInputError(
      `${where}: the id must be lowercase letters, digits and dashes`,
    );
  }
  for (const field of ['goodEvents', 'totalEvents'] as const) {
    const selectors = template[field];
    if (!Array.isArray(selectors) || selectors.length === 0) {
      throw new SloInputError(`${where}: ${field} needs at least one selector`);
    }
    for (const selector of selectors) {
      let found: string[];
      try {
        found = extractVectorSelectors(selector);
      } catch (e) {
        throw new SloInputError(`${where}: ${(e as Error).message}`);
      }
      if (found.length !== 1 || found[0] !== selector.trim()) {
        throw new SloInputError(
          `${where}: ${field} entry '${selector}' must be a single vector selector such as metric{label="value"}`,
        );
      }
    }
  }
  return template;
}

/**
 * The template for an entity type: `overrides` (e.g. read from app-config) first, then the defaults.
 * Throws when the type has none.
 * @public
 */
export function sliTemplateForEntityType(
  entityType: string,
  overrides: Record<string, SliTemplate> = {},
): SliTemplate {
  const template = overrides[entityType] ?? DEFAULT_SLI_TEMPLATES[entityType];
  if (!template) {
    throw new SloInputError(`No SLI template for entity type '${entityType}'`);
  }
  return validateSliTemplate(template);
}

/** Names of the `${placeholders}` a template uses (keys of {@link ANNOTATIONS}), sorted. @public */
export function sliTemplateVariables(template: SliTemplate): string[] {
  const names = new Set<string>();
  for (const selector of [...template.goodEvents, ...template.totalEvents]) {
    for (const m of selector.matchAll(PLACEHOLDER)) {
      names.add(m[1]);
    }
  }
  return [...names].sort();
}

/**
 * Identity values for a template's placeholders, read from the entity's annotations of the same name
 * (`airflowDagId` reads `dataops.io/airflow-dag-id`, honouring `.<env>` overrides). Throws naming the
 * missing annotation, so the view can answer 400 rather than run a query that matches nothing.
 * @public
 */
export function sliIdentityForEntity(
  entity: Entity,
  template: SliTemplate,
  env?: string,
): QueryIdentity {
  const identity: QueryIdentity = {};
  for (const name of sliTemplateVariables(template)) {
    const key = (ANNOTATIONS as Record<string, string>)[name];
    if (!key) {
      throw new SloInputError(
        `Invalid SLI template '${template.id}': placeholder '${name}' is not an annotation name`,
      );
    }
    const value = readAnnotation(entity, key, env);
    if (!value) {
      throw new SloInputError(
        `SLI '${template.id}' needs the annotation '${key}' on the entity`,
      );
    }
    identity[name] = value;
  }
  return identity;
}
