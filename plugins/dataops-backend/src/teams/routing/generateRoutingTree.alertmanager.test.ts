import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAlertReceivers } from '@dataops-observability/plugin-dataops-common';
import { runAmtool } from '@dataops-observability/plugin-dataops-test-utils';
import { generateRoutingTree } from './generateRoutingTree';
import { AlertReceiverDirectory } from './resolveAlertReceivers';
import {
  ROUTING_GROUPS,
  ROUTING_OWNERS,
  ROUTING_PRIORITIES,
} from './routingFixtures';

jest.setTimeout(120_000);

describe('the generated routing tree in the real amtool', () => {
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dataops-receivers-'));
    file = join(dir, 'alertmanager.yml');
    const receivers = new AlertReceiverDirectory(ROUTING_GROUPS, {
      pagingEnvironments: ['prod'],
      defaultReceivers: parseAlertReceivers(
        'P1=pagerduty:platform-oncall+slack:#platform, *=slack:#platform',
      ),
    });
    await writeFile(
      file,
      generateRoutingTree({
        owners: [...ROUTING_OWNERS, 'group:default/data-platform'],
        priorities: ROUTING_PRIORITIES,
        hiddenAlerts: ['Watchdog'],
        receivers,
        environments: ['dev', 'stage', 'prod'].map(name => ({
          name,
          envLabel: 'env',
        })),
        fallbackEnv: 'prod',
        routing: {
          secretsDirectory: '/etc/alertmanager/secrets',
          email: {
            from: 'alertmanager@example.com',
            smarthost: 'smtp.example.com:587',
          },
        },
      }),
    );
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const route = async (...labels: string[]) => {
    const result = await runAmtool([
      'config',
      'routes',
      'test',
      `--config.file=${file}`,
      ...labels,
    ]);
    return result.stdout.trim();
  };

  it('passes amtool check-config', async () => {
    const check = await runAmtool(['check-config', file]);
    expect(check.output).toMatch(/SUCCESS/);
    expect(check.exitCode).toBe(0);
  });

  it("sends a team's P1 prod alert to its pager and its dev alerts to its chat", async () => {
    const team = 'owner=group:default/data-platform';
    expect(await route(team, 'env=prod', 'priority=P1', 'alertname=X')).toBe(
      'pagerduty:data-oncall+slack:#data-alerts',
    );
    expect(await route(team, 'env=prod', 'severity=critical')).toBe(
      'pagerduty:data-oncall+slack:#data-alerts',
    );
    expect(await route(team, 'env=dev', 'priority=P1')).toBe('slack:#data-dev');
    expect(await route(team, 'env=dev', 'severity=info')).toBe(
      'slack:#data-dev',
    );
    expect(await route(team, 'env=prod', 'priority=P4')).toBe(
      'email:data@example.com',
    );
  });

  it("routes a team without the annotation by its parent's", async () => {
    const team = 'owner=group:default/sales-data';
    expect(await route(team, 'env=prod', 'priority=P1')).toBe(
      'pagerduty:data-oncall+slack:#data-alerts',
    );
    expect(await route(team, 'env=dev', 'priority=P1')).toBe('slack:#data-dev');
    expect(await route(team, 'env=stage', 'priority=P2')).toBe(
      'slack:#data-alerts+email:data@example.com',
    );
  });

  it('uses the configured default for a team with no receivers up its chain', async () => {
    const team = 'owner=group:default/loners';
    expect(await route(team, 'env=prod', 'priority=P1')).toBe(
      'pagerduty:platform-oncall+slack:#platform',
    );
    expect(await route(team, 'env=dev', 'priority=P1')).toBe('slack:#platform');
    // No env label: the fallback environment (prod) pages.
    expect(await route(team, 'priority=P1')).toBe(
      'pagerduty:platform-oncall+slack:#platform',
    );
  });

  it('sends heartbeats nowhere and unowned alerts to the unowned receiver', async () => {
    expect(
      await route('alertname=Watchdog', 'owner=group:default/loners'),
    ).toBe('null');
    expect(await route('owner=group:default/nobody', 'priority=P1')).toBe(
      'dataops-unowned',
    );
  });
});
