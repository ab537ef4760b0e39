import type { Priority } from '../api/types';
import { AnnotationValueError } from '../annotationValues';
import { PRIORITIES } from '../levels/priorities';
import { checkEnvironmentName } from './environmentNames';
import type { EnvironmentRules } from './types';

/**
 * The kinds of place an alert can go: a pager (PagerDuty service), a chat channel (Slack) or an e-mail
 * address. @public
 */
export type AlertReceiverKind = 'pagerduty' | 'slack' | 'email';

/**
 * One place alerts go, as `dataops.io/alert-receivers` names it. Never a secret: a PagerDuty service or a
 * Slack credential is a name the Alertmanager configuration maps to a file holding the key.
 * @public
 */
export interface AlertReceiverTarget {
  /** Pager, chat or e-mail. */
  kind: AlertReceiverKind;
  /** The PagerDuty service name, the Slack channel (with its `#`) or the e-mail address. */
  target: string;
  /** Slack only: the name of the webhook credential (`@name`); absent means the `default` one. */
  credential?: string;
}

/**
 * Which alerts one entry of `dataops.io/alert-receivers` covers: an environment, a priority, both, or
 * neither (`*`, every alert). @public
 */
export interface AlertReceiverScope {
  /** The environment the entry covers; absent: every environment. */
  env?: string;
  /** The priority the entry covers; absent: every priority. */
  priority?: Priority;
}

/** One `scope=targets` entry; no targets means `none`, alerts of the scope are sent nowhere. @public */
export interface AlertReceiverEntry {
  /** Which alerts the entry covers. */
  scope: AlertReceiverScope;
  /** Where they go; empty for `none`. */
  targets: AlertReceiverTarget[];
}

/** Longest accepted value, in characters. @public */
export const MAX_ALERT_RECEIVERS_LENGTH = 2000;
/** Most entries one value may have. @public */
export const MAX_ALERT_RECEIVER_ENTRIES = 40;
/** Most targets one entry may have. @public */
export const MAX_ALERT_RECEIVER_TARGETS = 8;

/** PagerDuty service and Slack credential names: they become file names, so a path-safe alphabet. */
const NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;
/** Slack channel names as Slack allows them (lowercase, at most 80 characters), with the `#`. */
const CHANNEL = /^#[a-z0-9][a-z0-9._-]{0,79}$/;
/** A plain e-mail address; `+` separates targets, so it can not appear in one. */
const EMAIL =
  /^[A-Za-z0-9._%-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+$/;
const PRIORITY_SET = new Set<string>(PRIORITIES);

const FORMAT_HINT =
  "expected comma separated 'scope=targets' entries such as 'P1=pagerduty:sales-oncall+slack:#sales-alerts'";

function fail(message: string): never {
  throw new AnnotationValueError(message);
}

function parseTarget(text: string): AlertReceiverTarget {
  const colon = text.indexOf(':');
  if (colon <= 0) {
    fail(
      `'${text}' is not a 'kind:target' receiver (kinds: pagerduty, slack, email; a '+' separates targets, so an e-mail address can not contain one)`,
    );
  }
  const kind = text.slice(0, colon);
  const rest = text.slice(colon + 1);
  switch (kind) {
    case 'pagerduty':
      return NAME.test(rest)
        ? { kind, target: rest }
        : fail(
            `'${rest}' is not a PagerDuty service name (lowercase letters, digits, '_' and '-', at most 63; the name, never the routing key)`,
          );
    case 'slack': {
      const at = rest.indexOf('@');
      const channel = at < 0 ? rest : rest.slice(0, at);
      const credential = at < 0 ? undefined : rest.slice(at + 1);
      if (!CHANNEL.test(channel)) {
        fail(
          `'${channel}' is not a Slack channel ('#' and at most 80 lowercase letters, digits, '.', '_' and '-')`,
        );
      }
      if (credential !== undefined && !NAME.test(credential)) {
        fail(
          `'${credential}' is not a Slack credential name (lowercase letters, digits, '_' and '-', at most 63; the name, never the webhook URL)`,
        );
      }
      return credential === undefined
        ? { kind, target: channel }
        : { kind, target: channel, credential };
    }
    case 'email':
      return EMAIL.test(rest) && rest.length <= 254
        ? { kind, target: rest }
        : fail(
            `'${rest}' is not an e-mail address${
              rest.includes('@')
                ? ''
                : " (a '+' separates targets, so an address can not contain one)"
            }`,
          );
    default:
      return fail(
        `unknown receiver kind '${kind}' (known: pagerduty, slack, email)`,
      );
  }
}

function parseScope(
  text: string,
  environments: EnvironmentRules[],
): AlertReceiverScope {
  if (text === '*') {
    return {};
  }
  if (PRIORITY_SET.has(text)) {
    return { priority: text as Priority };
  }
  const slash = text.indexOf('/');
  const env = slash < 0 ? text : text.slice(0, slash);
  const priority = slash < 0 ? undefined : text.slice(slash + 1);
  if (priority !== undefined && !PRIORITY_SET.has(priority)) {
    fail(`'${priority}' in '${text}' is not a priority (P1, P2, P3 or P4)`);
  }
  const envProblem = checkEnvironmentName(env, environments);
  if (envProblem) {
    fail(
      `scope '${text}': ${envProblem}; a scope is '*', a priority (P1-P4), an environment, or '<env>/<priority>'`,
    );
  }
  return priority ? { env, priority: priority as Priority } : { env };
}

/** The scope as written in the annotation: `*`, `P1`, `dev` or `dev/P1`. @public */
export function formatAlertReceiverScope(scope: AlertReceiverScope): string {
  if (scope.env && scope.priority) {
    return `${scope.env}/${scope.priority}`;
  }
  return scope.env ?? scope.priority ?? '*';
}

/** A target as written in the annotation: `pagerduty:x`, `slack:#c` or `slack:#c@cred`, `email:a@b.c`. @public */
export function formatAlertReceiverTarget(target: AlertReceiverTarget): string {
  const credential = target.credential ? `@${target.credential}` : '';
  return `${target.kind}:${target.target}${credential}`;
}

/**
 * Parses `dataops.io/alert-receivers`: comma separated `scope=targets` entries. A scope is `*` (every alert),
 * a priority `P1`..`P4`, an environment name, or `<env>/<priority>`; each scope at most once. Targets are
 * `+` separated `pagerduty:<service>`, `slack:#<channel>[@<credential>]` and `email:<address>`, or `none`
 * alone. Environment names are checked like `.<env>` suffixes (configured ones when any are configured).
 * Throws an {@link AnnotationValueError} saying what is wrong.
 * @public
 */
export function parseAlertReceivers(
  value: string,
  environments: EnvironmentRules[] = [],
): AlertReceiverEntry[] {
  const text = String(value).trim();
  if (text.length > MAX_ALERT_RECEIVERS_LENGTH) {
    fail(
      `is ${text.length} characters long; at most ${MAX_ALERT_RECEIVERS_LENGTH} are allowed`,
    );
  }
  const parts = text
    .split(',')
    .map(p => p.trim())
    .filter(Boolean);
  if (parts.length === 0) {
    fail(`names no receivers; ${FORMAT_HINT}`);
  }
  if (parts.length > MAX_ALERT_RECEIVER_ENTRIES) {
    fail(
      `has ${parts.length} entries; at most ${MAX_ALERT_RECEIVER_ENTRIES} are allowed`,
    );
  }
  const seen = new Set<string>();
  return parts.map(part => {
    const eq = part.indexOf('=');
    if (eq < 0) {
      fail(`'${part}' has no '='; ${FORMAT_HINT}`);
    }
    const scope = parseScope(part.slice(0, eq).trim(), environments);
    const key = formatAlertReceiverScope(scope);
    if (seen.has(key)) {
      fail(`scope '${key}' is given more than once`);
    }
    seen.add(key);
    const items = part
      .slice(eq + 1)
      .split('+')
      .map(t => t.trim());
    if (items.some(t => !t)) {
      fail(`scope '${key}' has an empty target; ${FORMAT_HINT}`);
    }
    if (items.length === 1 && items[0] === 'none') {
      return { scope, targets: [] };
    }
    if (items.includes('none')) {
      fail(`scope '${key}': 'none' can only stand alone`);
    }
    if (items.length > MAX_ALERT_RECEIVER_TARGETS) {
      fail(
        `scope '${key}' has ${items.length} targets; at most ${MAX_ALERT_RECEIVER_TARGETS} are allowed`,
      );
    }
    const targets = items.map(parseTarget);
    const names = targets.map(formatAlertReceiverTarget);
    const repeated = names.find((n, i) => names.indexOf(n) !== i);
    if (repeated) {
      fail(`scope '${key}' names '${repeated}' twice`);
    }
    return { scope, targets };
  });
}
