import { ANNOTATION_RULES } from './rules';
import { checkAnnotation } from './validateAnnotations';
import {
  formatAlertReceiverScope,
  formatAlertReceiverTarget,
  parseAlertReceivers,
} from './alertReceivers';

const ENVS = [{ name: 'dev' }, { name: 'stage' }, { name: 'prod' }];

describe('parseAlertReceivers', () => {
  it('reads priorities, environments, env/priority scopes and every target kind', () => {
    expect(
      parseAlertReceivers(
        'P1=pagerduty:sales-oncall+slack:#sales-alerts, P2=slack:#sales-alerts+email:sales@example.com,' +
          ' dev=slack:#sales-dev@dev-workspace, prod/P4=none, *=email:ops@example.com',
        ENVS,
      ),
    ).toEqual([
      {
        scope: { priority: 'P1' },
        targets: [
          { kind: 'pagerduty', target: 'sales-oncall' },
          { kind: 'slack', target: '#sales-alerts' },
        ],
      },
      {
        scope: { priority: 'P2' },
        targets: [
          { kind: 'slack', target: '#sales-alerts' },
          { kind: 'email', target: 'sales@example.com' },
        ],
      },
      {
        scope: { env: 'dev' },
        targets: [
          { kind: 'slack', target: '#sales-dev', credential: 'dev-workspace' },
        ],
      },
      { scope: { env: 'prod', priority: 'P4' }, targets: [] },
      { scope: {}, targets: [{ kind: 'email', target: 'ops@example.com' }] },
    ]);
  });

  it('formats scopes and targets back as written', () => {
    expect(formatAlertReceiverScope({ env: 'dev', priority: 'P1' })).toBe(
      'dev/P1',
    );
    expect(formatAlertReceiverScope({})).toBe('*');
    expect(
      formatAlertReceiverTarget({
        kind: 'slack',
        target: '#a',
        credential: 'w',
      }),
    ).toBe('slack:#a@w');
  });

  it('checks environment names for syntax only when none are configured', () => {
    expect(parseAlertReceivers('qa=slack:#x')).toEqual([
      { scope: { env: 'qa' }, targets: [{ kind: 'slack', target: '#x' }] },
    ]);
  });

  it.each<[string, string | RegExp]>([
    ['', /names no receivers; expected comma separated 'scope=targets'/],
    ['slack:#x', "'slack:#x' has no '='; expected comma separated"],
    ['P5=slack:#x', /scope 'P5': 'P5' is not a valid environment name|'P5'/],
    [
      'dev/P9=slack:#x',
      "'P9' in 'dev/P9' is not a priority (P1, P2, P3 or P4)",
    ],
    [
      'qa=slack:#x',
      /scope 'qa': environment 'qa' is not configured \(configured: dev, stage, prod\)/,
    ],
    ['P1=slack:#x, P1=email:a@b.io', "scope 'P1' is given more than once"],
    ['P1=', "scope 'P1' has an empty target; expected comma separated"],
    [
      'P1=slack:#x+',
      "scope 'P1' has an empty target; expected comma separated",
    ],
    ['P1=none+slack:#x', "scope 'P1': 'none' can only stand alone"],
    [
      'P1=sms:123',
      "unknown receiver kind 'sms' (known: pagerduty, slack, email)",
    ],
    ['P1=pagerduty', /'pagerduty' is not a 'kind:target' receiver/],
    [
      'P1=pagerduty:R0UT1NGKEY',
      /'R0UT1NGKEY' is not a PagerDuty service name .*never the routing key/,
    ],
    ['P1=pagerduty:../../etc', /'..\/..\/etc' is not a PagerDuty service name/],
    ['P1=slack:sales', /'sales' is not a Slack channel \('#'/],
    [
      'P1=slack:#x@https://hooks.slack.com/services/T/B/X',
      /is not a Slack credential name .*never the webhook URL/,
    ],
    ['P4=email:not-an-address', "'not-an-address' is not an e-mail address"],
    [
      'P4=email:sales+alerts@example.com',
      "'sales' is not an e-mail address (a '+' separates targets, so an address can not contain one)",
    ],
    ['P1=slack:#x+slack:#x', "scope 'P1' names 'slack:#x' twice"],
    [
      `P1=${Array.from({ length: 9 }, (_, i) => `slack:#c${i}`).join('+')}`,
      "scope 'P1' has 9 targets; at most 8 are allowed",
    ],
  ])('rejects %j', (value, message) => {
    expect(() => parseAlertReceivers(value, ENVS)).toThrow(message);
  });

  it('rejects values over 2000 characters', () => {
    expect(() => parseAlertReceivers(`P1=slack:#${'a'.repeat(2000)}`)).toThrow(
      'is 2010 characters long; at most 2000 are allowed',
    );
  });

  it('rejects more than 40 entries', () => {
    const value = Array.from({ length: 41 }, (_, i) => `e${i}=slack:#x`).join(
      ',',
    );
    expect(() => parseAlertReceivers(value)).toThrow(
      'has 41 entries; at most 40 are allowed',
    );
  });
});

describe('dataops.io/alert-receivers in the rulebook', () => {
  it('is overridable per environment and reports problems under the key as written', () => {
    expect(ANNOTATION_RULES.alertReceivers.overridable).toBe(true);
    expect(
      checkAnnotation('dataops.io/alert-receivers.dev', 'P1=slack:nohash', {
        environments: ENVS,
      }),
    ).toEqual({
      annotation: 'dataops.io/alert-receivers.dev',
      message: expect.stringMatching(/'nohash' is not a Slack channel/),
    });
    expect(
      checkAnnotation(
        'dataops.io/alert-receivers',
        'P1=pagerduty:sales-oncall+slack:#sales',
        { environments: ENVS },
      ),
    ).toBeUndefined();
    expect(
      checkAnnotation('dataops.io/alert-receivers.qa', 'P1=slack:#x', {
        environments: ENVS,
      }),
    ).toEqual({
      annotation: 'dataops.io/alert-receivers.qa',
      message: expect.stringMatching(/environment 'qa' is not configured/),
    });
  });
});
