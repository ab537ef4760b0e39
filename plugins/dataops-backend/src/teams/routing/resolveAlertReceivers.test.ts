import type { Entity } from '@backstage/catalog-model';
import { parseAlertReceivers } from '@dataops-observability/plugin-dataops-common';
import {
  AlertReceiverDirectory,
  MAX_RECEIVER_INHERITANCE_DEPTH,
  pickReceivers,
  receiverName,
} from './resolveAlertReceivers';

const group = (
  name: string,
  options: {
    receivers?: string;
    overrides?: Record<string, string>;
    parent?: string;
    children?: string[];
  } = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name,
    annotations: {
      ...(options.receivers
        ? { 'dataops.io/alert-receivers': options.receivers }
        : {}),
      ...options.overrides,
    },
  },
  spec: {
    type: 'team',
    children: options.children ?? [],
    ...(options.parent ? { parent: options.parent } : {}),
  },
});

const SALES =
  'P1=pagerduty:sales-oncall+slack:#sales-alerts, P2=slack:#sales-alerts+email:sales@example.com, P3=slack:#sales-alerts, P4=email:sales@example.com';

describe('pickReceivers', () => {
  const entries = parseAlertReceivers(SALES);

  it('pages with P1 in a paging environment', () => {
    expect(pickReceivers(entries, 'prod', 'P1', true)).toEqual({
      scope: 'P1',
      targets: [
        { kind: 'pagerduty', target: 'sales-oncall' },
        { kind: 'slack', target: '#sales-alerts' },
      ],
    });
  });

  it('never pages elsewhere unless an entry for the environment says so', () => {
    expect(pickReceivers(entries, 'dev', 'P1', false)).toEqual({
      scope: 'P1',
      targets: [{ kind: 'slack', target: '#sales-alerts' }],
      pagerDropped: true,
    });
    const devPages = parseAlertReceivers(
      `${SALES}, dev/P1=pagerduty:dev-oncall`,
    );
    expect(pickReceivers(devPages, 'dev', 'P1', false)).toEqual({
      scope: 'dev/P1',
      targets: [{ kind: 'pagerduty', target: 'dev-oncall' }],
    });
  });

  it('prefers env/priority over env over priority over *', () => {
    const all = parseAlertReceivers(
      '*=email:all@example.com, P3=slack:#p3, dev=slack:#dev, dev/P3=slack:#dev-p3',
    );
    expect(pickReceivers(all, 'dev', 'P3', false)?.scope).toBe('dev/P3');
    expect(pickReceivers(all, 'dev', 'P2', false)?.scope).toBe('dev');
    expect(pickReceivers(all, 'prod', 'P3', true)?.scope).toBe('P3');
    expect(pickReceivers(all, 'prod', 'P2', true)?.scope).toBe('*');
  });

  it('borrows the nearest less urgent priority without its pagers, then a more urgent one', () => {
    const sparse = parseAlertReceivers(
      'P1=pagerduty:oncall+slack:#urgent, P4=email:later@example.com',
    );
    expect(pickReceivers(sparse, 'prod', 'P2', true)).toEqual({
      scope: 'P4',
      targets: [{ kind: 'email', target: 'later@example.com' }],
      borrowed: true,
    });
    const onlyP1 = parseAlertReceivers('P1=pagerduty:oncall+slack:#urgent');
    expect(pickReceivers(onlyP1, 'prod', 'P3', true)).toEqual({
      scope: 'P1',
      targets: [{ kind: 'slack', target: '#urgent' }],
      borrowed: true,
      pagerDropped: true,
    });
    // A pager-only P1 in dev: the pager is dropped and a chat of another priority is used.
    const pagerOnly = parseAlertReceivers(
      'P1=pagerduty:oncall, P3=slack:#team',
    );
    expect(pickReceivers(pagerOnly, 'dev', 'P1', false)).toEqual({
      scope: 'P3',
      targets: [{ kind: 'slack', target: '#team' }],
      borrowed: true,
      pagerDropped: true,
    });
  });

  it('keeps an explicit none and says nothing when no entry applies', () => {
    const none = parseAlertReceivers('P4=none, dev=slack:#dev');
    expect(pickReceivers(none, 'prod', 'P4', true)).toEqual({
      scope: 'P4',
      targets: [],
    });
    expect(pickReceivers(none, 'prod', 'P1', true)).toBeUndefined();
  });
});

describe('receiverName', () => {
  it('is the canonical target list, whatever the order written', () => {
    const a = parseAlertReceivers(
      'P1=slack:#b+email:x@example.com+pagerduty:z',
    )[0];
    const b = parseAlertReceivers(
      'P1=pagerduty:z+email:x@example.com+slack:#b',
    )[0];
    expect(receiverName(a.targets)).toBe(
      'pagerduty:z+slack:#b+email:x@example.com',
    );
    expect(receiverName(b.targets)).toBe(receiverName(a.targets));
    expect(receiverName([])).toBe('null');
  });
});

describe('AlertReceiverDirectory', () => {
  const policy = { pagingEnvironments: ['prod'] };

  it('uses the group own value, with its .<env> override', () => {
    const directory = new AlertReceiverDirectory(
      [
        group('sales', {
          receivers: SALES,
          overrides: {
            'dataops.io/alert-receivers.stage': 'P1=pagerduty:stage-oncall',
          },
        }),
      ],
      { pagingEnvironments: ['prod', 'stage'] },
    );
    expect(directory.resolve('group:default/sales', 'prod', 'P1')).toEqual({
      env: 'prod',
      priority: 'P1',
      scope: 'P1',
      targets: [
        { kind: 'pagerduty', target: 'sales-oncall' },
        { kind: 'slack', target: '#sales-alerts' },
      ],
      receiver: 'pagerduty:sales-oncall+slack:#sales-alerts',
      source: 'own',
      from: 'group:default/sales',
    });
    expect(
      directory.resolve('group:default/sales', 'stage', 'P1').receiver,
    ).toBe('pagerduty:stage-oncall');
  });

  it('inherits from spec.parent, and from a group listing it in spec.children', () => {
    const directory = new AlertReceiverDirectory(
      [
        group('data', { receivers: SALES }),
        group('sales', { parent: 'data' }),
        group('ops', { children: ['group:default/ops-night'] }),
        group('ops-night'),
      ],
      {
        ...policy,
        defaultReceivers: parseAlertReceivers('*=slack:#platform'),
      },
    );
    expect(directory.resolve('group:default/sales', 'dev', 'P1')).toMatchObject(
      {
        receiver: 'slack:#sales-alerts',
        source: 'inherited',
        from: 'group:default/data',
        pagerDropped: true,
      },
    );
    expect(
      directory.resolve('group:default/ops-night', 'prod', 'P1'),
    ).toMatchObject({ receiver: 'slack:#platform', source: 'default' });
  });

  it('falls back to the configured default, then to a placeholder', () => {
    const groups = [group('lonely')];
    expect(
      new AlertReceiverDirectory(groups, {
        ...policy,
        defaultReceivers: parseAlertReceivers(
          'P1=pagerduty:platform+slack:#platform, P3=slack:#platform',
        ),
      }).resolve('group:default/lonely', 'prod', 'P1'),
    ).toMatchObject({
      receiver: 'pagerduty:platform+slack:#platform',
      source: 'default',
    });
    expect(
      new AlertReceiverDirectory(groups, policy).resolve(
        'group:default/lonely',
        'prod',
        'P1',
      ),
    ).toEqual({
      env: 'prod',
      priority: 'P1',
      targets: [],
      receiver: 'group:default/lonely',
      source: 'placeholder',
    });
  });

  it('survives parent cycles and stops after the depth bound', () => {
    const cyclic = new AlertReceiverDirectory(
      [group('a', { parent: 'b' }), group('b', { parent: 'a' })],
      policy,
    );
    expect(cyclic.resolve('group:default/a', 'prod', 'P1').source).toBe(
      'placeholder',
    );
    const chain = Array.from(
      { length: MAX_RECEIVER_INHERITANCE_DEPTH + 2 },
      (_, i) =>
        group(`g${i}`, i ? { parent: `g${i - 1}` } : { receivers: SALES }),
    );
    const deep = new AlertReceiverDirectory(chain, policy);
    expect(
      deep.resolve(
        `group:default/g${MAX_RECEIVER_INHERITANCE_DEPTH}`,
        'prod',
        'P3',
      ).source,
    ).toBe('inherited');
    expect(
      deep.resolve(
        `group:default/g${MAX_RECEIVER_INHERITANCE_DEPTH + 1}`,
        'prod',
        'P3',
      ).source,
    ).toBe('placeholder');
  });

  it('treats a value that does not parse as absent', () => {
    const directory = new AlertReceiverDirectory(
      [
        group('data', { receivers: 'P3=slack:#data' }),
        group('sales', { parent: 'data', receivers: 'P3=slack:no-hash' }),
      ],
      policy,
    );
    expect(
      directory.resolve('group:default/sales', 'prod', 'P3'),
    ).toMatchObject({
      source: 'inherited',
      receiver: 'slack:#data',
    });
  });
});
