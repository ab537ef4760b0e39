import { parseAlertReceivers } from '@dataops-observability/plugin-dataops-common';
import { parse } from 'yaml';
import { generateRoutingTree, PLACEHOLDER_SMTP } from './generateRoutingTree';
import { AlertReceiverDirectory } from './resolveAlertReceivers';
import {
  ROUTING_GROUPS,
  ROUTING_OWNERS,
  ROUTING_PRIORITIES,
} from './routingFixtures';

type Route = {
  receiver?: string;
  matchers?: string[];
  routes?: Route[];
  repeat_interval?: string;
};
type Receiver = { name: string; [key: string]: unknown };

const ENVS = ['dev', 'stage', 'prod'].map(name => ({ name, envLabel: 'env' }));

function tree(options: {
  pagingEnvironments?: string[];
  defaultReceivers?: string;
  email?: { from?: string; smarthost?: string };
}) {
  const receivers = new AlertReceiverDirectory(ROUTING_GROUPS, {
    pagingEnvironments: options.pagingEnvironments ?? ['prod'],
    defaultReceivers: options.defaultReceivers
      ? parseAlertReceivers(options.defaultReceivers)
      : undefined,
  });
  return parse(
    generateRoutingTree({
      owners: ROUTING_OWNERS,
      priorities: ROUTING_PRIORITIES,
      hiddenAlerts: ['Watchdog'],
      receivers,
      environments: ENVS,
      fallbackEnv: 'prod',
      routing: { secretsDirectory: '/run/secrets/am', email: options.email },
    }),
  ) as { global?: Record<string, string>; route: Route; receivers: Receiver[] };
}

/** The receiver of the route an alert of `owner` in `env` (undefined: no env label) with `priority` takes. */
function receiverOf(
  root: Route,
  owner: string,
  env: string | undefined,
  priority: string,
): string | undefined {
  const team = root.routes!.find(r => r.matchers?.[0] === `owner="${owner}"`)!;
  const scope = env
    ? team.routes!.find(r => r.matchers?.[0] === `env="${env}"`)!
    : { routes: team.routes!.filter(r => !r.matchers?.[0].startsWith('env=')) };
  return scope.routes!.find(r => r.matchers?.[0] === `priority="${priority}"`)
    ?.receiver;
}

describe('generateRoutingTree with alert receivers', () => {
  it('routes by team, environment and priority, inheriting the parent and paging only in prod', () => {
    const { route } = tree({});
    const sales = 'group:default/sales-data';
    expect(receiverOf(route, sales, 'prod', 'P1')).toBe(
      'pagerduty:data-oncall+slack:#data-alerts',
    );
    expect(receiverOf(route, sales, 'stage', 'P1')).toBe('slack:#data-alerts');
    expect(receiverOf(route, sales, 'dev', 'P1')).toBe('slack:#data-dev');
    expect(receiverOf(route, sales, 'prod', 'P4')).toBe(
      'email:data@example.com',
    );
    // No env label: the fallback environment's routes.
    expect(receiverOf(route, sales, undefined, 'P1')).toBe(
      'pagerduty:data-oncall+slack:#data-alerts',
    );
  });

  it('makes the paging environments configurable', () => {
    const { route } = tree({ pagingEnvironments: ['prod', 'stage'] });
    expect(receiverOf(route, 'group:default/sales-data', 'stage', 'P1')).toBe(
      'pagerduty:data-oncall+slack:#data-alerts',
    );
  });

  it('uses the configured default for groups without receivers, then a placeholder', () => {
    const withDefault = tree({
      defaultReceivers:
        'P1=pagerduty:platform+slack:#platform, *=slack:#platform',
    }).route;
    expect(receiverOf(withDefault, 'group:default/loners', 'prod', 'P1')).toBe(
      'pagerduty:platform+slack:#platform',
    );
    expect(receiverOf(withDefault, 'group:default/loners', 'dev', 'P1')).toBe(
      'slack:#platform',
    );
    const without = tree({}).route;
    expect(receiverOf(without, 'group:default/loners', 'prod', 'P1')).toBe(
      'group:default/loners',
    );
    // Marketing's plain value does not parse, so only its prod override counts.
    expect(receiverOf(without, 'group:default/marketing', 'dev', 'P2')).toBe(
      'group:default/marketing',
    );
    expect(receiverOf(without, 'group:default/marketing', 'prod', 'P2')).toBe(
      'slack:#mkt-alerts@mkt-workspace',
    );
  });

  it('writes receivers whose secrets are files, and SMTP settings when e-mail is used', () => {
    const { receivers, global } = tree({
      email: { from: 'am@example.com', smarthost: 'smtp.example.com:587' },
    });
    const byName = new Map(receivers.map(r => [r.name, r]));
    expect(byName.get('pagerduty:data-oncall+slack:#data-alerts')).toEqual({
      name: 'pagerduty:data-oncall+slack:#data-alerts',
      pagerduty_configs: [
        {
          routing_key_file: '/run/secrets/am/pagerduty/data-oncall',
          send_resolved: true,
        },
      ],
      slack_configs: [
        {
          channel: '#data-alerts',
          api_url_file: '/run/secrets/am/slack/default',
          send_resolved: true,
        },
      ],
    });
    expect(byName.get('slack:#mkt-alerts@mkt-workspace')).toMatchObject({
      slack_configs: [{ api_url_file: '/run/secrets/am/slack/mkt-workspace' }],
    });
    expect(
      byName.get('slack:#data-alerts+email:data@example.com'),
    ).toMatchObject({
      email_configs: [{ to: 'data@example.com', send_resolved: false }],
    });
    expect(global).toEqual({
      smtp_from: 'am@example.com',
      smtp_smarthost: 'smtp.example.com:587',
    });
    expect(tree({}).global).toEqual({
      smtp_from: PLACEHOLDER_SMTP.from,
      smtp_smarthost: PLACEHOLDER_SMTP.smarthost,
    });
    // Only groups with nowhere to send keep a placeholder webhook.
    expect(byName.has('group:default/sales-data')).toBe(false);
    expect(byName.get('group:default/loners')).toMatchObject({
      webhook_configs: [
        { url: 'http://replace-me.invalid/alerts/group-default-loners' },
      ],
    });
    // Every receiver a route names exists.
    const named = new Set<string>();
    const walk = (r: Route) => {
      if (r.receiver) named.add(r.receiver);
      r.routes?.forEach(walk);
    };
    walk(tree({}).route);
    const defined = new Set(tree({}).receivers.map(r => r.name));
    expect([...named].filter(n => !defined.has(n))).toEqual([]);
  });

  it('quotes label values in matchers and uses the env label of the Alertmanager', () => {
    const text = generateRoutingTree({
      owners: ['group:default/a"b\\c'],
      priorities: ROUTING_PRIORITIES,
      hiddenAlerts: [],
      receivers: new AlertReceiverDirectory([], { pagingEnvironments: [] }),
      environments: [{ name: 'prod', envLabel: 'environment' }],
    });
    const { route } = parse(text) as { route: Route & { group_by: string[] } };
    expect(route.routes![0].matchers).toEqual([
      'owner="group:default/a\\"b\\\\c"',
    ]);
    expect(route.routes![0].routes![0].matchers).toEqual([
      'environment="prod"',
    ]);
    expect(route.group_by).toEqual([
      'environment',
      'alertname',
      'backstage_entity',
    ]);
  });
});
