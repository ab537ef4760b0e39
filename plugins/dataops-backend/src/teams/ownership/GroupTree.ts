import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { normalizeRef } from './OwnershipIndex';

function refOf(value: string, namespace: string): string | undefined {
  try {
    return normalizeRef(
      stringifyEntityRef(
        parseEntityRef(value, {
          defaultKind: 'group',
          defaultNamespace: namespace,
        }),
      ),
    );
  } catch {
    return undefined;
  }
}

/** The groups one caller can see and how they nest (`spec.parent` / `spec.children`). */
export class GroupTree {
  private readonly children = new Map<string, Set<string>>();
  private readonly groups = new Set<string>();

  constructor(groups: Entity[]) {
    for (const group of groups) {
      const ref = normalizeRef(stringifyEntityRef(group));
      const namespace = group.metadata.namespace ?? 'default';
      this.groups.add(ref);
      const parent = group.spec?.parent;
      const parentRef =
        typeof parent === 'string' && parent
          ? refOf(parent, namespace)
          : undefined;
      if (parentRef) {
        this.link(parentRef, ref);
      }
      const kids = group.spec?.children;
      for (const child of Array.isArray(kids) ? kids : []) {
        const childRef =
          typeof child === 'string' && child
            ? refOf(child, namespace)
            : undefined;
        if (childRef) {
          this.link(ref, childRef);
        }
      }
    }
  }

  private link(parent: string, child: string) {
    let set = this.children.get(parent);
    if (!set) {
      set = new Set();
      this.children.set(parent, set);
    }
    set.add(child);
  }

  /** Whether the caller can see the group. */
  has(groupRef: string): boolean {
    return this.groups.has(normalizeRef(groupRef));
  }

  /** The group and every group below it; 404 when the caller cannot see the group. */
  groupAndDescendants(groupRef: string): string[] {
    const root = normalizeRef(groupRef);
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
}
