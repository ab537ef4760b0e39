import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  AlertReceiverEntry,
  AlertReceiverTarget,
  PRIORITIES,
  Priority,
  ResolvedAlertRoute,
  formatAlertReceiverScope,
  formatAlertReceiverTarget,
  parseAlertReceivers,
  readAnnotation,
} from '@dataops-observability/plugin-dataops-common';

/** How far up the `spec.parent` chain a group looks for receivers; deeper hierarchies are unusual. */
export const MAX_RECEIVER_INHERITANCE_DEPTH = 16;

/** The receiver of the `none` target list: it sends nothing. */
export const NULL_RECEIVER = 'null';

const KIND_ORDER = ['pagerduty', 'slack', 'email'];

/** Targets in one order, whatever order the annotation wrote them in: pager, chat, e-mail, then by name. */
export function canonicalTargets(
  targets: AlertReceiverTarget[],
): AlertReceiverTarget[] {
  const seen = new Set<string>();
  return [...targets]
    .sort((a, b) => {
      const byKind = KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
      if (byKind) {
        return byKind;
      }
      const [x, y] = [
        formatAlertReceiverTarget(a),
        formatAlertReceiverTarget(b),
      ];
      if (x === y) {
        return 0;
      }
      return x < y ? -1 : 1;
    })
    .filter(t => {
      const key = formatAlertReceiverTarget(t);
      if (seen.has(key)) {
        return false;
      }
      seen.add(key);
      return true;
    });
}

/**
 * The Alertmanager receiver name of a target list: the canonical targets as the annotation writes them,
 * joined by `+` (`pagerduty:sales-oncall+slack:#sales-alerts`). The same list always gets the same name, and
 * no such name can equal a group ref (`group:...`) or the fixed receivers.
 */
export function receiverName(targets: AlertReceiverTarget[]): string {
  return targets.length
    ? canonicalTargets(targets).map(formatAlertReceiverTarget).join('+')
    : NULL_RECEIVER;
}

/** Where one value of the annotation sends alerts of one environment and priority, if it says. */
interface Pick {
  targets: AlertReceiverTarget[];
  scope: string;
  borrowed?: boolean;
  pagerDropped?: boolean;
}

const withoutPagers = (targets: AlertReceiverTarget[]) =>
  targets.filter(t => t.kind !== 'pagerduty');

/**
 * The policy of docs/alerts.md, "Where a team's alerts go", for one annotation value:
 *
 * 1. an entry for the environment and priority (`dev/P1`), else for the environment (`dev`), is used as
 *    written: that is the team saying otherwise, pagers included;
 * 2. else the entry for the priority (`P1`), else `*`; outside the paging environments its pager targets are
 *    left out (dev never pages unless the team says so for dev);
 * 3. when that leaves nothing, or no entry names the priority, the targets of the nearest less urgent
 *    priority (then the nearest more urgent one) are borrowed, never their pagers;
 * 4. else the value says nothing, and the caller looks further (parent group, configured default).
 */
export function pickReceivers(
  entries: AlertReceiverEntry[],
  env: string,
  priority: Priority,
  paging: boolean,
): Pick | undefined {
  const byScope = new Map<string, AlertReceiverEntry>();
  for (const entry of entries) {
    byScope.set(formatAlertReceiverScope(entry.scope), entry);
  }
  for (const scope of [`${env}/${priority}`, env]) {
    const entry = byScope.get(scope);
    if (entry) {
      return { targets: entry.targets, scope };
    }
  }
  let dropped = false;
  for (const scope of [priority, '*']) {
    const entry = byScope.get(scope);
    if (!entry) {
      continue;
    }
    if (!entry.targets.length || paging) {
      return { targets: entry.targets, scope };
    }
    const kept = withoutPagers(entry.targets);
    if (kept.length) {
      return {
        targets: kept,
        scope,
        ...(kept.length < entry.targets.length ? { pagerDropped: true } : {}),
      };
    }
    dropped = true;
    break;
  }
  const index = PRIORITIES.indexOf(priority);
  const others = [
    ...PRIORITIES.slice(index + 1),
    ...PRIORITIES.slice(0, index).reverse(),
  ];
  for (const other of others) {
    for (const scope of [`${env}/${other}`, other]) {
      const entry = byScope.get(scope);
      const kept = entry ? withoutPagers(entry.targets) : [];
      if (kept.length) {
        return {
          targets: kept,
          scope,
          borrowed: true,
          ...(dropped || kept.length < entry!.targets.length
            ? { pagerDropped: true }
            : {}),
        };
      }
    }
  }
  return undefined;
}

/** What the resolution needs from the configuration. */
export interface ReceiverPolicy {
  /** Environments where pager targets of `P<n>` and `*` entries page. */
  pagingEnvironments: readonly string[];
  /** `dataops.alertRouting.defaultReceivers`, parsed; absent when not configured. */
  defaultReceivers?: AlertReceiverEntry[];
}

function parentRef(value: unknown, namespace: string): string | undefined {
  if (typeof value !== 'string' || !value) {
    return undefined;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(value, {
        defaultKind: 'group',
        defaultNamespace: namespace,
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

/**
 * The groups of the catalog with their `dataops.io/alert-receivers` annotations and parents, and the
 * resolution of where a group's alerts go: its own value (the `.<env>` override, else the plain key), else
 * its parent's (`spec.parent`, or the group listing it in `spec.children`), up to
 * {@link MAX_RECEIVER_INHERITANCE_DEPTH} levels and each group once, else the configured default, else a
 * placeholder. A value that does not parse counts as absent (the catalog processor reports it).
 */
export class AlertReceiverDirectory {
  private readonly groups = new Map<string, Entity>();
  private readonly parents = new Map<string, string>();
  /** Parsed values by group ref and environment (`null`: none, or it does not parse). */
  private readonly values = new Map<
    string,
    Map<string, AlertReceiverEntry[] | null>
  >();

  constructor(groups: Entity[], private readonly policy: ReceiverPolicy) {
    for (const group of groups) {
      this.groups.set(
        stringifyEntityRef(group).toLocaleLowerCase('en-US'),
        group,
      );
    }
    // `spec.children` first, so that a group's own `spec.parent` wins where the two disagree.
    for (const [ref, group] of this.groups) {
      const namespace = group.metadata.namespace ?? 'default';
      const children = group.spec?.children;
      for (const child of Array.isArray(children) ? children : []) {
        const childRef = parentRef(child, namespace);
        if (childRef && childRef !== ref && !this.parents.has(childRef)) {
          this.parents.set(childRef, ref);
        }
      }
    }
    for (const [ref, group] of this.groups) {
      const parent = parentRef(
        group.spec?.parent,
        group.metadata.namespace ?? 'default',
      );
      if (parent && parent !== ref) {
        this.parents.set(ref, parent);
      }
    }
  }

  private valueOf(ref: string, env: string): AlertReceiverEntry[] | undefined {
    let byEnv = this.values.get(ref);
    if (!byEnv) {
      byEnv = new Map();
      this.values.set(ref, byEnv);
    }
    if (!byEnv.has(env)) {
      byEnv.set(env, this.readValue(ref, env) ?? null);
    }
    return byEnv.get(env) ?? undefined;
  }

  private readValue(
    ref: string,
    env: string,
  ): AlertReceiverEntry[] | undefined {
    const group = this.groups.get(ref);
    const raw = group
      ? readAnnotation(group, ANNOTATIONS.alertReceivers, env)
      : undefined;
    if (!raw) {
      return undefined;
    }
    try {
      return parseAlertReceivers(raw);
    } catch {
      return undefined;
    }
  }

  /** Where the alerts of `group` (a lower-case group ref) in `env` with `priority` go, and why. */
  resolve(group: string, env: string, priority: Priority): ResolvedAlertRoute {
    const paging = this.policy.pagingEnvironments.includes(env);
    const seen = new Set<string>();
    let ref: string | undefined = group;
    for (
      let depth = 0;
      ref && !seen.has(ref) && depth <= MAX_RECEIVER_INHERITANCE_DEPTH;
      depth++
    ) {
      seen.add(ref);
      const entries = this.valueOf(ref, env);
      const pick = entries && pickReceivers(entries, env, priority, paging);
      if (pick) {
        return {
          env,
          priority,
          ...pick,
          targets: canonicalTargets(pick.targets),
          receiver: receiverName(pick.targets),
          source: ref === group ? 'own' : 'inherited',
          from: ref,
        };
      }
      ref = this.parents.get(ref);
    }
    const defaults = this.policy.defaultReceivers;
    const pick = defaults && pickReceivers(defaults, env, priority, paging);
    if (pick) {
      return {
        env,
        priority,
        ...pick,
        targets: canonicalTargets(pick.targets),
        receiver: receiverName(pick.targets),
        source: 'default',
      };
    }
    return {
      env,
      priority,
      targets: [],
      receiver: group,
      source: 'placeholder',
    };
  }
}
