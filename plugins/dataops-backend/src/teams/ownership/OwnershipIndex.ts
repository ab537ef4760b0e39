import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  LabelMatcher,
  entityEnvironments,
  identifyingMatchers,
  labelValue,
  matchLabels,
  parseSelector,
  readAnnotation,
} from '@dataops-observability/plugin-dataops-common';
import { ENTITY_LABEL } from '../alerts/toActiveAlert';

/** An entity that owns alerts, and who owns it. */
export interface AlertTarget {
  entityRef: string;
  owner: string;
}

/** One entity's selector in one environment, as far as it can own alerts. */
interface Claim {
  target: AlertTarget;
  matchers: LabelMatcher[];
  /** Equality matchers on identifying labels: how precisely the selector names a workload. */
  specificity: number;
}

/** One key per set of (label, value) pairs, whatever order the selector wrote them in. */
function claimKey(pairs: Array<[string, string]>): string {
  // Code-unit order, the same in every locale and replica.
  const byName = ([a]: [string, string], [b]: [string, string]) => {
    if (a === b) {
      return 0;
    }
    return a < b ? -1 : 1;
  };
  return JSON.stringify([...pairs].sort(byName));
}

/** Every non-empty subset of `items`, the largest first. */
function subsetsBySizeDesc<T>(items: T[]): T[][] {
  const subsets: T[][] = [];
  for (let mask = 1; mask < 1 << items.length; mask++) {
    subsets.push(items.filter((_, i) => mask & (1 << i)));
  }
  return subsets.sort((a, b) => b.length - a.length);
}

/** Entity refs are compared in lower case, as the catalog compares them. */
export function normalizeRef(ref: string): string {
  return ref.toLocaleLowerCase('en-US');
}

/**
 * Who owns which alert, by the rule of docs/alerts.md: a `backstage_entity` label decides alone; otherwise
 * only selectors with at least one identifying equality matcher claim alerts, the most specific matching
 * claim wins, and equally specific claims are all returned, which callers treat as ambiguous.
 *
 * Claims are indexed by their whole set of identifying matchers (labels and values). An alert can only be
 * claimed by a selector whose set is a subset of the alert's own identifying labels, so it is compared with
 * the claims under each such subset (at most 2^n - 1 lookups for n identifying labels, 7 for the default
 * three): the cost per alert does not grow with the size of the catalog.
 */
export class OwnershipIndex {
  private readonly entities = new Map<string, AlertTarget>();
  /** Environment -> key of the identifying matchers (see {@link claimKey}) -> claims. */
  private readonly claims = new Map<string, Map<string, Claim[]>>();
  /** Selector text -> matchers, `null` when it does not parse; only while the index is built. */
  private parsed = new Map<string, LabelMatcher[] | null>();

  constructor(
    owned: Entity[],
    private readonly options: {
      environments: string[];
      identifyingLabels(env: string): readonly string[];
    },
  ) {
    for (const entity of owned) {
      const owner = entity.spec?.owner;
      if (typeof owner !== 'string' || !owner) {
        continue;
      }
      let target: AlertTarget;
      try {
        target = {
          entityRef: normalizeRef(stringifyEntityRef(entity)),
          owner: normalizeRef(
            stringifyEntityRef(
              parseEntityRef(owner, {
                defaultKind: 'group',
                defaultNamespace: entity.metadata.namespace ?? 'default',
              }),
            ),
          ),
        };
      } catch {
        // An unparseable owner is the catalog's error to report; such an entity owns nothing here.
        continue;
      }
      this.entities.set(target.entityRef, target);
      for (const env of entityEnvironments(entity, options.environments)) {
        this.addClaim(entity, target, env);
      }
    }
    this.parsed = new Map();
  }

  private addClaim(entity: Entity, target: AlertTarget, env: string) {
    const selector = readAnnotation(
      entity,
      ANNOTATIONS.prometheusSelector,
      env,
    );
    if (!selector) {
      return;
    }
    // Most entities use one selector in every environment: parse each text once per index.
    let matchers = this.parsed.get(selector);
    if (matchers === undefined) {
      try {
        matchers = parseSelector(selector);
      } catch {
        // A bad selector is reported on the entity's own pages and by the catalog processor.
        matchers = null;
      }
      this.parsed.set(selector, matchers);
    }
    if (!matchers) {
      return;
    }
    const identifying = identifyingMatchers(
      matchers,
      this.options.identifyingLabels(env),
    );
    if (!identifying.length) {
      return;
    }
    // Two different values for one label can never both match: such a selector claims nothing.
    const pairs = new Map<string, string>();
    for (const m of identifying) {
      if (pairs.has(m.name) && pairs.get(m.name) !== m.value) {
        return;
      }
      pairs.set(m.name, m.value);
    }
    const key = claimKey([...pairs]);
    let byKey = this.claims.get(env);
    if (!byKey) {
      byKey = new Map();
      this.claims.set(env, byKey);
    }
    const list = byKey.get(key) ?? [];
    list.push({ target, matchers, specificity: pairs.size });
    byKey.set(key, list);
  }

  /** The alert-owning entity with this ref, if any. */
  entity(entityRef: string): AlertTarget | undefined {
    return this.entities.get(normalizeRef(entityRef));
  }

  /** Groups owning at least one alert-owning entity, sorted. */
  owningGroups(): string[] {
    return [...new Set([...this.entities.values()].map(e => e.owner))].sort();
  }

  /**
   * The entities an alert of `env` belongs to: none, one, or several equally specific claims (ambiguous:
   * shown once, recorded and notified for nobody). Sorted by entity ref.
   */
  targets(
    labels: Readonly<Record<string, unknown>>,
    env: string,
  ): AlertTarget[] {
    const named = labelValue(labels, ENTITY_LABEL);
    if (named) {
      const target = this.entity(named);
      return target ? [target] : [];
    }
    const byKey = this.claims.get(env);
    if (!byKey) {
      return [];
    }
    const present = this.options
      .identifyingLabels(env)
      .map(name => [name, labelValue(labels, name)] as [string, string])
      .filter(([, value]) => value !== '');
    const best: Claim[] = [];
    // Larger subsets first: once a claim matched, smaller subsets can only tie or lose.
    for (const subset of subsetsBySizeDesc(present)) {
      if (best.length && subset.length < best[0].specificity) {
        break;
      }
      for (const claim of byKey.get(claimKey(subset)) ?? []) {
        if (matchLabels(claim.matchers, labels)) {
          best.push(claim);
        }
      }
    }
    return best
      .map(c => c.target)
      .sort((a, b) => (a.entityRef < b.entityRef ? -1 : 1));
  }
}
