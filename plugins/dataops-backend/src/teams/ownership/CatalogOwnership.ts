import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATIONS,
  LabelMatcher,
  entityEnvironments,
  parseSelector,
  readAnnotation,
} from '@dataops-observability/plugin-dataops-common';
import { ENTITY_LABEL } from '../alerts';
import { matchLabels } from './matchLabels';

/** Kinds whose `spec.owner` owns alerts (docs/api.md, "Entities"). */
const OWNED_KINDS = ['Component', 'Resource'];

/** An entity that owns alerts, and who owns it. */
export interface AlertTarget {
  entityRef: string;
  owner: string;
}

interface IndexedEntity extends AlertTarget {
  envs: Set<string>;
  /** Selector per environment; absent when the entity has none (it can still be named by label). */
  matchers: Map<string, LabelMatcher[]>;
}

function normalize(ref: string): string {
  return ref.toLocaleLowerCase('en-US');
}

/** Parses `group:default/x` style refs; anything that is not a group ref is a 400. */
export function parseGroupRef(ref: string): string {
  let parsed;
  try {
    parsed = parseEntityRef(ref);
  } catch (e) {
    throw new InputError(
      `Invalid owner '${ref}': ${
        (e as Error).message
      }; expected a group ref such as group:default/team-x`,
    );
  }
  if (parsed.kind.toLocaleLowerCase('en-US') !== 'group') {
    throw new InputError(
      `Invalid owner '${ref}': expected a group ref such as group:default/team-x, got kind '${parsed.kind}'`,
    );
  }
  return normalize(stringifyEntityRef(parsed));
}

/**
 * A snapshot of who owns what, read from the catalog with one set of credentials: the group tree (so a
 * parent group sees its children's alerts) and the alert-owning entities with their selectors. Refs are
 * kept lower case, as the catalog compares them case-insensitively.
 */
export class CatalogOwnership {
  static async load(options: {
    catalog: CatalogService;
    credentials: BackstageCredentials;
    environments: string[];
  }): Promise<CatalogOwnership> {
    const { catalog, credentials, environments } = options;
    const [groups, owned] = await Promise.all([
      catalog.getEntities(
        {
          filter: { kind: 'Group' },
          fields: [
            'kind',
            'metadata.name',
            'metadata.namespace',
            'spec.parent',
            'spec.children',
          ],
        },
        { credentials },
      ),
      catalog.getEntities(
        {
          filter: { kind: OWNED_KINDS },
          fields: [
            'kind',
            'metadata.name',
            'metadata.namespace',
            'metadata.annotations',
            'spec.owner',
          ],
        },
        { credentials },
      ),
    ]);
    return new CatalogOwnership(groups.items, owned.items, environments);
  }

  private readonly children = new Map<string, Set<string>>();
  private readonly groups = new Set<string>();
  private readonly entities = new Map<string, IndexedEntity>();

  constructor(groups: Entity[], owned: Entity[], environments: string[]) {
    for (const group of groups) {
      const ref = normalize(stringifyEntityRef(group));
      this.groups.add(ref);
      const context = {
        defaultKind: 'group',
        defaultNamespace: group.metadata.namespace ?? 'default',
      };
      const parent = group.spec?.parent;
      if (typeof parent === 'string' && parent) {
        this.link(
          normalize(stringifyEntityRef(parseEntityRef(parent, context))),
          ref,
        );
      }
      const kids = group.spec?.children;
      for (const child of Array.isArray(kids) ? kids : []) {
        if (typeof child === 'string' && child) {
          this.link(
            ref,
            normalize(stringifyEntityRef(parseEntityRef(child, context))),
          );
        }
      }
    }
    for (const entity of owned) {
      const owner = entity.spec?.owner;
      if (typeof owner !== 'string' || !owner) {
        continue;
      }
      const entityRef = normalize(stringifyEntityRef(entity));
      const envs = entityEnvironments(entity, environments);
      const matchers = new Map<string, LabelMatcher[]>();
      for (const env of envs) {
        const selector = readAnnotation(
          entity,
          ANNOTATIONS.prometheusSelector,
          env,
        );
        if (!selector) {
          continue;
        }
        try {
          matchers.set(env, parseSelector(selector));
        } catch {
          // A bad selector is reported on the entity's own pages; here it only stops selector matching.
        }
      }
      this.entities.set(entityRef, {
        entityRef,
        owner: normalize(
          stringifyEntityRef(
            parseEntityRef(owner, {
              defaultKind: 'group',
              defaultNamespace: entity.metadata.namespace ?? 'default',
            }),
          ),
        ),
        envs: new Set(envs),
        matchers,
      });
    }
  }

  private link(parent: string, child: string) {
    if (!this.children.has(parent)) {
      this.children.set(parent, new Set());
    }
    this.children.get(parent)!.add(child);
  }

  /** The group and every group below it; 404 when the caller cannot see the group. */
  groupAndDescendants(groupRef: string): string[] {
    const root = normalize(groupRef);
    if (!this.groups.has(root)) {
      throw new NotFoundError(`No group ${groupRef}`);
    }
    const seen = new Set<string>([root]);
    const queue = [root];
    while (queue.length) {
      for (const child of this.children.get(queue.shift()!) ?? []) {
        // Only groups the caller can see, and each once: the catalog does not forbid cycles.
        if (this.groups.has(child) && !seen.has(child)) {
          seen.add(child);
          queue.push(child);
        }
      }
    }
    return [...seen];
  }

  /** Groups owning at least one alert-owning entity, sorted. */
  owningGroups(): string[] {
    return [...new Set([...this.entities.values()].map(e => e.owner))].sort();
  }

  entity(entityRef: string): AlertTarget | undefined {
    const found = this.entities.get(normalize(entityRef));
    return found && { entityRef: found.entityRef, owner: found.owner };
  }

  /**
   * The entities an alert from `env` belongs to. A `backstage_entity` label decides alone. Otherwise the
   * entities running in `env` whose selector matches win, the most specific selector first, so a broad
   * `namespace="airflow"` does not claim what `namespace="airflow",app="x"` describes; equally specific
   * matches all get the alert. An `env` label on the alert must name the same environment.
   */
  targets(labels: Record<string, string>, env: string): AlertTarget[] {
    const named = labels[ENTITY_LABEL];
    if (named) {
      const target = this.entity(named);
      return target ? [target] : [];
    }
    if (labels.env && labels.env !== env) {
      return [];
    }
    let best: IndexedEntity[] = [];
    let bestSize = 0;
    for (const entity of this.entities.values()) {
      const matchers = entity.matchers.get(env);
      if (!entity.envs.has(env) || !matchers?.length) {
        continue;
      }
      if (matchers.length < bestSize || !matchLabels(matchers, labels)) {
        continue;
      }
      if (matchers.length > bestSize) {
        best = [];
        bestSize = matchers.length;
      }
      best.push(entity);
    }
    return best.map(e => ({ entityRef: e.entityRef, owner: e.owner }));
  }
}
