/** A link of the chain, upstream to downstream. */
export interface Link {
  from: string;
  to: string;
}

/** Where each step goes when the chain is drawn upstream-first. */
export interface StepOrder {
  /** Refs upstream-first. */
  order: string[];
  /** Longest path of steps before each one (its column left to right). */
  depth: Map<string, number>;
  /** Steps on a cycle. */
  inCycle: Set<string>;
}

/** Groups of steps that reach each other (Tarjan's strongly connected components), iteratively. */
function components(nodes: string[], next: Map<string, string[]>) {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: Array<{ node: string; child: number }> = [
      { node: root, child: 0 },
    ];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const frame = work[work.length - 1];
      const children = next.get(frame.node) ?? [];
      if (frame.child < children.length) {
        const child = children[frame.child++];
        if (!index.has(child)) {
          index.set(child, counter);
          low.set(child, counter++);
          stack.push(child);
          onStack.add(child);
          work.push({ node: child, child: 0 });
        } else if (onStack.has(child)) {
          low.set(
            frame.node,
            Math.min(low.get(frame.node)!, index.get(child)!),
          );
        }
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const group: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          group.push(member);
        } while (member !== frame.node);
        groups.push(group.sort());
      }
    }
  }
  return groups;
}

/**
 * Orders steps upstream-first (a topological order; ties by ref, so the answer is stable). Steps on a cycle
 * are kept together, ordered by ref, where the cycle as a whole would go, and flagged.
 */
export function orderSteps(nodes: string[], links: Link[]): StepOrder {
  const known = new Set(nodes);
  const next = new Map<string, string[]>(nodes.map(n => [n, []]));
  for (const { from, to } of links) {
    if (known.has(from) && known.has(to)) next.get(from)!.push(to);
  }
  const sorted = [...nodes].sort();
  const groups = components(sorted, next);
  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => g.forEach(n => groupOf.set(n, i)));
  const inCycle = new Set<string>();
  groups.forEach(g => {
    if (g.length > 1 || (next.get(g[0]) ?? []).includes(g[0])) {
      g.forEach(n => inCycle.add(n));
    }
  });

  // Kahn's algorithm over the groups, which form a DAG.
  const groupNext = groups.map(() => new Set<number>());
  const incoming = groups.map(() => 0);
  for (const [from, tos] of next) {
    for (const to of tos) {
      const a = groupOf.get(from)!;
      const b = groupOf.get(to)!;
      if (a !== b && !groupNext[a].has(b)) {
        groupNext[a].add(b);
        incoming[b]++;
      }
    }
  }
  const groupDepth = groups.map(() => 0);
  const first = (i: number) => groups[i][0];
  let ready = groups.map((_, i) => i).filter(i => incoming[i] === 0);
  const order: string[] = [];
  while (ready.length) {
    ready.sort((a, b) => first(a).localeCompare(first(b)));
    const i = ready.shift()!;
    order.push(...groups[i]);
    for (const j of groupNext[i]) {
      groupDepth[j] = Math.max(groupDepth[j], groupDepth[i] + 1);
      if (--incoming[j] === 0) ready = [...ready, j];
    }
  }
  const depth = new Map<string, number>();
  for (const n of nodes) depth.set(n, groupDepth[groupOf.get(n)!]);
  return { order, depth, inCycle };
}

/** Steps reachable downstream of `start` (not counting `start` itself unless a cycle leads back to it). */
export function downstreamOf(start: string, links: Link[]): Set<string> {
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length) {
    const at = queue.shift()!;
    for (const link of links) {
      if (link.from === at && !seen.has(link.to)) {
        seen.add(link.to);
        queue.push(link.to);
      }
    }
  }
  return seen;
}
