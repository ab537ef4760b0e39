import {
  AlertReceiverTarget,
  PRIORITIES,
  Priority,
  PriorityMapping,
} from '@dataops-observability/plugin-dataops-common';
import { stringify } from 'yaml';
import type { AlertRoutingConfig } from './readAlertRoutingConfig';
import {
  AlertReceiverDirectory,
  NULL_RECEIVER,
  canonicalTargets,
} from './resolveAlertReceivers';

/**
 * Notification timings per priority, after docs/platform-rules.md, "Alert priorities": the repeat interval is the
 * expected response time, so an unanswered alert comes back when it should have been handled.
 */
export const PRIORITY_TIMINGS: Record<
  Priority,
  { group_wait: string; group_interval: string; repeat_interval: string }
> = {
  P1: { group_wait: '10s', group_interval: '1m', repeat_interval: '15m' },
  P2: { group_wait: '30s', group_interval: '5m', repeat_interval: '30m' },
  P3: { group_wait: '2m', group_interval: '15m', repeat_interval: '2h' },
  P4: { group_wait: '10m', group_interval: '1h', repeat_interval: '24h' },
};

export { NULL_RECEIVER };
export const DEFAULT_RECEIVER = 'dataops-unowned';

/** Sender and relay of e-mail receivers when `dataops.alertRouting.email` does not name them. */
export const PLACEHOLDER_SMTP = {
  from: 'alertmanager@replace-me.invalid',
  smarthost: 'smtp.replace-me.invalid:587',
};

/** Matcher values in double quotes, with `\` and `"` escaped as Alertmanager's matcher parser reads them. */
const quote = (value: string) =>
  `"${value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')}"`;
const escapeRegex = (value: string) =>
  value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Placeholder webhook an operator replaces; `.invalid` can never resolve, so nothing leaks meanwhile. */
const placeholder = (slug: string) => ({
  webhook_configs: [
    { url: `http://replace-me.invalid/alerts/${slug}`, send_resolved: true },
  ],
});

/** The receiver config of a target list: secrets only as files under the secrets directory. */
function receiverConfig(
  name: string,
  targets: AlertReceiverTarget[],
  secretsDirectory: string,
) {
  const of = (kind: AlertReceiverTarget['kind']) =>
    targets.filter(t => t.kind === kind);
  const pagers = of('pagerduty').map(t => ({
    routing_key_file: `${secretsDirectory}/pagerduty/${t.target}`,
    send_resolved: true,
  }));
  const chats = of('slack').map(t => ({
    channel: t.target,
    api_url_file: `${secretsDirectory}/slack/${t.credential ?? 'default'}`,
    send_resolved: true,
  }));
  const mails = of('email').map(t => ({ to: t.target, send_resolved: false }));
  return {
    name,
    ...(pagers.length ? { pagerduty_configs: pagers } : {}),
    ...(chats.length ? { slack_configs: chats } : {}),
    ...(mails.length ? { email_configs: mails } : {}),
  };
}

/** One environment the tree routes: its name and the label that names it on alerts. */
export interface RoutedEnvironment {
  name: string;
  envLabel: string;
}

/**
 * An Alertmanager routing tree (docs/alerts.md, "Routing tree"): heartbeats to `null`; one route per owning
 * group (the `owner` label the generated SLO rules carry), under it one route per environment (the
 * environment's env label) and, for alerts naming no configured environment, the routes of `fallbackEnv`;
 * under those, priority routes with {@link PRIORITY_TIMINGS} whose receivers are where the group's alerts of
 * that environment and priority go ({@link AlertReceiverDirectory}). Alerts without a `priority` label get
 * one from their severity, with the same mapping the views use. Receivers are Slack, PagerDuty and e-mail
 * configs whose secrets are files; a group with nowhere to send keeps a placeholder webhook.
 */
export function generateRoutingTree(options: {
  owners: string[];
  priorities: PriorityMapping;
  hiddenAlerts: string[];
  /** Where each group's alerts go; absent: placeholders for every group. */
  receivers?: AlertReceiverDirectory;
  /** The environments to route, in configuration order. */
  environments?: RoutedEnvironment[];
  /** The environment of alerts whose env label names no routed environment. */
  fallbackEnv?: string;
  routing?: Pick<AlertRoutingConfig, 'secretsDirectory' | 'email'>;
}): string {
  const secretsDirectory =
    options.routing?.secretsDirectory ?? '/etc/alertmanager/secrets';
  const environments = options.environments ?? [];
  const severities = (p: Priority) =>
    [...options.priorities.severities]
      .filter(([, priority]) => priority === p)
      .map(([severity]) => severity)
      .sort();
  const priorityMatchers: Array<{ priority: Priority; matchers: string[] }> = [
    ...PRIORITIES.map(p => ({
      priority: p,
      matchers: [`priority=${quote(p)}`],
    })),
    ...PRIORITIES.filter(p => severities(p).length).map(p => ({
      priority: p,
      // The same rule as the views (`alertPriority`): a priority label other than P1-P4 counts as none,
      // and severities compare case-insensitively.
      matchers: [
        `priority!~${quote(PRIORITIES.join('|'))}`,
        `severity=~${quote(
          `(?i)(?:${severities(p).map(escapeRegex).join('|')})`,
        )}`,
      ],
    })),
  ];
  const unknown = options.priorities.unknownSeverity;

  const receivers = new Map<string, object>();
  const placeholders = new Set<string>();
  const receiverFor = (owner: string, env: string | undefined, p: Priority) => {
    if (!options.receivers || env === undefined) {
      placeholders.add(owner);
      return owner;
    }
    const resolved = options.receivers.resolve(owner, env, p);
    if (resolved.source === 'placeholder') {
      placeholders.add(owner);
    } else if (resolved.targets.length && !receivers.has(resolved.receiver)) {
      receivers.set(
        resolved.receiver,
        receiverConfig(
          resolved.receiver,
          canonicalTargets(resolved.targets),
          secretsDirectory,
        ),
      );
    }
    return resolved.receiver;
  };
  const priorityRoutes = (owner: string, env: string | undefined) =>
    priorityMatchers.map(({ priority, matchers }) => ({
      receiver: receiverFor(owner, env, priority),
      matchers,
      ...PRIORITY_TIMINGS[priority],
    }));

  const owners = [...new Set(options.owners)].sort();
  const routes: object[] = [];
  if (options.hiddenAlerts.length) {
    routes.push({
      receiver: NULL_RECEIVER,
      matchers: [
        `alertname=~${quote(options.hiddenAlerts.map(escapeRegex).join('|'))}`,
      ],
    });
  }
  const fallbackEnv = options.fallbackEnv ?? environments[0]?.name;
  for (const owner of owners) {
    routes.push({
      receiver: receiverFor(owner, fallbackEnv, unknown),
      matchers: [`owner=${quote(owner)}`],
      // Alerts that match no priority route have an unknown severity: the configured default's timings.
      ...PRIORITY_TIMINGS[unknown],
      routes: [
        ...environments.map(env => ({
          receiver: receiverFor(owner, env.name, unknown),
          matchers: [`${env.envLabel}=${quote(env.name)}`],
          routes: priorityRoutes(owner, env.name),
        })),
        ...priorityRoutes(owner, fallbackEnv),
      ],
    });
  }
  const envLabels = [...new Set(environments.map(e => e.envLabel))];
  const hasEmail = [...receivers.values()].some(r => 'email_configs' in r);
  const email = options.routing?.email;
  const tree = {
    ...(hasEmail
      ? {
          global: {
            smtp_from: email?.from ?? PLACEHOLDER_SMTP.from,
            smtp_smarthost: email?.smarthost ?? PLACEHOLDER_SMTP.smarthost,
          },
        }
      : {}),
    route: {
      receiver: DEFAULT_RECEIVER,
      group_by: [
        ...(envLabels.length ? envLabels : ['env']),
        'alertname',
        'backstage_entity',
      ],
      ...PRIORITY_TIMINGS.P3,
      routes,
    },
    receivers: [
      { name: NULL_RECEIVER },
      { name: DEFAULT_RECEIVER, ...placeholder('unowned') },
      ...[...placeholders].sort().map(owner => ({
        name: owner,
        ...placeholder(owner.replace(/[^a-z0-9-]+/g, '-')),
      })),
      ...[...receivers.keys()].sort().map(name => receivers.get(name)!),
    ],
  };
  return [
    '# Generated by the DataOps Backstage plugin from the catalog: owning groups and their',
    '# dataops.io/alert-receivers annotations. Secrets are read from files under',
    `# ${secretsDirectory}: pagerduty/<service> holds a PagerDuty routing key, slack/<credential>`,
    '# a Slack webhook URL. Groups with nowhere to send keep a placeholder webhook to replace.',
    stringify(tree, { lineWidth: 0 }),
  ].join('\n');
}
