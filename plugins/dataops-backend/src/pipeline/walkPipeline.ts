import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ENTITY_TYPES } from '@dataops-observability/plugin-dataops-common';
import { isAnnotated } from '../fleet';
import type { Link } from './orderSteps';

/** The steps found and how they link; every entity in it was read with the caller's credentials. */
export interface PipelineGraph {
  steps: Map<string, Entity>;
  links: Link[];
  /** True when the walk stopped at `maxSteps`. */
  truncated: boolean;
}

const STEP_KINDS = new Set(['component', 'resource']);

/** Refs are compared lower-cased, as the catalog writes relation targets. */
export const refOf = (entity: Entity) =>
  stringifyEntityRef(entity).toLocaleLowerCase('en-US');

/** Where a type sits in the flow: a DAG triggers a job, a job writes a table. */
function rank(entity: Entity): number {
  const type = entity.spec?.type;
  if (type === ENTITY_TYPES.airflowDag) return 0;
  if (type === ENTITY_TYPES.icebergTable) return 2;
  return 1;
}

/**
 * Which way a `dependsOn` link runs, given who declares it. Between steps of different types the flow
 * decides (DAG, then Spark job, then Iceberg table), whichever side declared the relation: the example catalog
 * has DAGs depend on the jobs they run and jobs on the tables they write, while a catalog may also have a
 * table depend on the job that writes it. Between steps of one type the dependency is upstream of its
 * dependant, as the catalog's relation means.
 */
export function orient(dependant: Entity, dependency: Entity): Link {
  const a = refOf(dependant);
  const b = refOf(dependency);
  const ra = rank(dependant);
  const rb = rank(dependency);
  if (ra < rb) return { from: a, to: b };
  return { from: b, to: a };
}

/** Normalised refs of an entity's dependency relations, as `[dependant, dependency]` pairs. */
function dependencyPairs(entity: Entity): Array<[string, string]> {
  const self = refOf(entity);
  const pairs: Array<[string, string]> = [];
  for (const r of entity.relations ?? []) {
    const target = r.targetRef.toLocaleLowerCase('en-US');
    let kind: string;
    try {
      kind = parseEntityRef(target).kind;
    } catch {
      continue;
    }
    if (!STEP_KINDS.has(kind)) continue;
    if (r.type === 'dependsOn') pairs.push([self, target]);
    if (r.type === 'dependencyOf') pairs.push([target, self]);
  }
  return pairs;
}

/** A step is an annotated Component or Resource (the start entity always is one, annotated or not). */
function isStep(entity: Entity) {
  return (
    STEP_KINDS.has(entity.kind.toLocaleLowerCase('en-US')) &&
    isAnnotated(entity)
  );
}

/**
 * Finds the pipeline of `start`, asking the catalog as the caller so an entity the caller may not read is
 * neither listed nor walked through.
 *
 * - A System: its annotated members (`hasPart`), linked by their dependency relations.
 * - A Component or Resource: the steps upstream of it (followed upstream only) and downstream of it (followed
 *   downstream only), so siblings that merely share a table are not pulled in.
 *
 * At most `maxSteps` steps; a cycle ends the walk where it meets a step already found.
 */
export async function walkPipeline(options: {
  catalog: CatalogService;
  credentials: BackstageCredentials;
  start: Entity;
  maxSteps: number;
}): Promise<PipelineGraph> {
  const { catalog, credentials, start, maxSteps } = options;
  const read = new Map<string, Entity | undefined>();
  const fetchAll = async (refs: string[]) => {
    const missing = [...new Set(refs)].filter(r => !read.has(r));
    for (let i = 0; i < missing.length; i += 100) {
      const batch = missing.slice(i, i + 100);
      const { items } = await catalog.getEntitiesByRefs(
        { entityRefs: batch },
        { credentials },
      );
      batch.forEach((ref, j) => read.set(ref, items[j] ?? undefined));
    }
  };

  const steps = new Map<string, Entity>();
  let truncated = false;
  const add = (entity: Entity) => {
    if (steps.size >= maxSteps) {
      truncated = true;
      return false;
    }
    steps.set(refOf(entity), entity);
    return true;
  };

  if (start.kind.toLocaleLowerCase('en-US') === 'system') {
    const members = (start.relations ?? [])
      .filter(r => r.type === 'hasPart')
      .map(r => r.targetRef.toLocaleLowerCase('en-US'))
      .filter(ref => {
        try {
          return STEP_KINDS.has(parseEntityRef(ref).kind);
        } catch {
          return false;
        }
      })
      .sort();
    await fetchAll(members);
    for (const ref of members) {
      const entity = read.get(ref);
      if (entity && isStep(entity) && !add(entity)) break;
    }
  } else {
    add(start);
    let frontier: Array<{ entity: Entity; way: 'up' | 'down' | 'both' }> = [
      { entity: start, way: 'both' },
    ];
    while (frontier.length && !truncated) {
      const pairs = frontier.map(f => dependencyPairs(f.entity));
      await fetchAll(pairs.flat().flat());
      const next: typeof frontier = [];
      frontier.forEach((f, i) => {
        const self = refOf(f.entity);
        for (const [dependant, dependency] of pairs[i]) {
          const otherRef = dependant === self ? dependency : dependant;
          const other = read.get(otherRef);
          if (!other || steps.has(otherRef) || !isStep(other)) continue;
          const link = orient(
            read.get(dependant) ?? f.entity,
            read.get(dependency) ?? f.entity,
          );
          const way = link.to === self ? 'up' : 'down';
          if (f.way !== 'both' && f.way !== way) continue;
          if (!add(other)) return;
          next.push({ entity: other, way });
        }
      });
      frontier = next;
    }
  }

  // Every link between two steps found, whichever of them declares it, once.
  const links = new Map<string, Link>();
  for (const entity of steps.values()) {
    for (const [dependant, dependency] of dependencyPairs(entity)) {
      const a = steps.get(dependant);
      const b = steps.get(dependency);
      if (a && b) {
        const link = orient(a, b);
        links.set(`${link.from}\n${link.to}`, link);
      }
    }
  }
  return { steps, links: [...links.values()], truncated };
}
