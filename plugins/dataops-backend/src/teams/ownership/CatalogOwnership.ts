import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { GroupTree } from './GroupTree';
import { OwnershipIndex, normalizeRef } from './OwnershipIndex';

/** Kinds whose `spec.owner` owns alerts (docs/api.md, "Entities"). */
export const OWNED_KINDS = ['Component', 'Resource'];

/** Entities per catalog page: large enough for few round trips, small enough to keep each answer small. */
const PAGE_SIZE = 500;
/** How long the ownership index is reused; an ownership change shows within this. */
export const OWNERSHIP_TTL_MS = 30_000;

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
  return normalizeRef(stringifyEntityRef(parsed));
}

/** Every entity of a filtered, field-limited query, read page by page. */
async function readAll(
  catalog: CatalogService,
  request: { filter: Record<string, string | string[]>; fields: string[] },
  credentials: BackstageCredentials,
): Promise<Entity[]> {
  const items: Entity[] = [];
  let cursor: string | undefined;
  do {
    const page = await catalog.queryEntities(
      cursor
        ? { cursor, limit: PAGE_SIZE, fields: request.fields }
        : { ...request, limit: PAGE_SIZE },
      { credentials },
    );
    items.push(...page.items);
    cursor = page.pageInfo.nextCursor;
  } while (cursor);
  return items;
}

/**
 * The catalog reads behind alert ownership, each scoped to what it needs:
 *
 * - the ownership index (alert-owning kinds, four fields), read with the plugin's own credentials because
 *   who owns an alert can not depend on who looks, and reused for {@link OWNERSHIP_TTL_MS} by the team
 *   views, the routing tree and the poller alike;
 * - the group tree, read with the caller's credentials (groups only, five fields), so a group the caller
 *   can not see is a 404;
 * - which entities the caller can see, asked only for the entities at hand.
 */
export class CatalogOwnership {
  private cached?: { at: number; index: Promise<OwnershipIndex> };

  constructor(
    private readonly options: {
      catalog: CatalogService;
      serviceCredentials(): Promise<BackstageCredentials>;
      environments: string[];
      identifyingLabels(env: string): readonly string[];
      now?: () => number;
    },
  ) {}

  /** The ownership index, at most {@link OWNERSHIP_TTL_MS} old; concurrent callers share one read. */
  index(): Promise<OwnershipIndex> {
    const now = (this.options.now ?? Date.now)();
    if (!this.cached || now - this.cached.at >= OWNERSHIP_TTL_MS) {
      const index = this.loadIndex();
      const entry = { at: now, index };
      this.cached = entry;
      // A failed read is not kept: the next caller tries again.
      index.catch(() => {
        if (this.cached === entry) {
          this.cached = undefined;
        }
      });
    }
    return this.cached.index;
  }

  private async loadIndex(): Promise<OwnershipIndex> {
    const { catalog, environments, identifyingLabels } = this.options;
    const owned = await readAll(
      catalog,
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
      await this.options.serviceCredentials(),
    );
    return new OwnershipIndex(owned, { environments, identifyingLabels });
  }

  /** The groups the caller can see and how they nest. */
  async groupTree(credentials: BackstageCredentials): Promise<GroupTree> {
    const groups = await readAll(
      this.options.catalog,
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
      credentials,
    );
    return new GroupTree(groups);
  }

  /**
   * Every group with its annotations and nesting, read with the plugin's own credentials: where a group's
   * alerts go may come from a parent the caller can not see, and can not depend on who asks.
   */
  async groupsWithAnnotations(): Promise<Entity[]> {
    return readAll(
      this.options.catalog,
      {
        filter: { kind: 'Group' },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.annotations',
          'spec.parent',
          'spec.children',
        ],
      },
      await this.options.serviceCredentials(),
    );
  }

  /** Which of `entityRefs` the caller can see, in lower case. */
  async visibleEntities(
    entityRefs: Iterable<string>,
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    const refs = [...new Set([...entityRefs].map(normalizeRef))];
    const visible = new Set<string>();
    for (let i = 0; i < refs.length; i += PAGE_SIZE) {
      const { items } = await this.options.catalog.getEntitiesByRefs(
        {
          entityRefs: refs.slice(i, i + PAGE_SIZE),
          fields: ['kind', 'metadata.name', 'metadata.namespace'],
        },
        { credentials },
      );
      for (const entity of items) {
        if (entity) {
          visible.add(normalizeRef(stringifyEntityRef(entity)));
        }
      }
    }
    return visible;
  }
}
