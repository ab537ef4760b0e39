import { buildBundleSpec, MonitoringBundleInput } from './buildBundleSpec';

const spark: MonitoringBundleInput = {
  entityRef: 'component:default/daily-sales-etl',
  type: 'spark-job',
  namespace: 'spark',
  owner: 'group:default/sales-data',
  environments: ['dev', 'prod'],
};

const iceberg: MonitoringBundleInput = {
  ...spark,
  entityRef: 'resource:default/sales-daily-orders',
  type: 'iceberg-table',
  namespace: 'iceberg',
  identity: 'sales.daily_orders',
};

function rejection(input: MonitoringBundleInput): string {
  try {
    buildBundleSpec(input);
  } catch (e) {
    expect((e as Error).name).toBe('InputError');
    return (e as Error).message;
  }
  throw new Error('expected an InputError');
}

describe('buildBundleSpec judges what the annotate step writes by the annotation rules', () => {
  it('fills the defaults the annotations then carry', () => {
    const spec = buildBundleSpec(spark);
    expect(spec).toMatchObject({
      sloObjective: 99.9,
      sloWindow: '30d',
      identity: 'daily-sales-etl',
      logIndex: 'logs-spark-*',
    });
    expect(spec.matchers).toEqual([
      { name: 'namespace', op: '=', value: 'spark' },
      { name: 'app', op: '=', value: 'daily-sales-etl' },
    ]);
  });

  it.each([
    ['90d', '90d'],
    ['6h', '6h'],
    ['672h', '4w'],
  ])('accepts the SLO period %s, written as %s', (sloWindow, expected) => {
    expect(buildBundleSpec({ ...spark, sloWindow }).sloWindow).toBe(expected);
  });

  it.each([
    [
      { sloWindow: '91d' },
      /^Invalid input 'sloWindow': Invalid SLO period '91d': at most 90d/,
    ],
    [
      { sloWindow: '1h' },
      /^Invalid input 'sloWindow': Invalid SLO period '1h': at least 6h/,
    ],
    [
      { sloObjective: 0 },
      /^Invalid input 'sloObjective': Invalid SLO objective '0'/,
    ],
    [{ sloObjective: NaN }, /^Invalid input 'sloObjective': .*'NaN'/],
    [
      { logIndex: '*-spark' },
      /^Invalid input 'logIndex': '\*-spark' must start with a fixed prefix/,
    ],
    [
      { logIndex: 'logs-*,secrets' },
      /^Invalid input 'logIndex': 'logs-\*,secrets' is not a single lowercase index pattern/,
    ],
    [
      { identity: 'daily sales' },
      /^Invalid input 'identity': .*may only contain/,
    ],
    [
      { selector: 'up{job="x"}' },
      /^Invalid input 'selector': invalid selector/,
    ],
  ])('rejects %j', (patch, message) => {
    expect(rejection({ ...spark, ...patch })).toMatch(message);
  });

  it('holds an Iceberg table identity to namespace.table, as dataops.io/iceberg-table is', () => {
    expect(buildBundleSpec(iceberg).identity).toBe('sales.daily_orders');
    expect(rejection({ ...iceberg, identity: 'daily_orders' })).toBe(
      "Invalid input 'identity': 'daily_orders' is not of the form namespace.table",
    );
    // The entity name is no table name, so an Iceberg table needs its identity given.
    expect(rejection({ ...iceberg, identity: undefined })).toMatch(
      /^Invalid input 'identity': 'sales-daily-orders' is not of the form namespace\.table$/,
    );
  });

  it('checks label names and values of the resources with the Kubernetes rules', () => {
    expect(
      buildBundleSpec({
        ...spark,
        resourceLabels: { 'app.kubernetes.io/part-of': 'sales', release: '' },
      }).resourceLabels,
    ).toEqual({ 'app.kubernetes.io/part-of': 'sales', release: '' });
    expect(rejection({ ...spark, resourceLabels: { 'a/b/c': 'x' } })).toBe(
      "Invalid input 'resourceLabels.a/b/c': not a valid Kubernetes label name",
    );
    expect(rejection({ ...spark, resourceLabels: { team: '-x' } })).toMatch(
      /^Invalid input 'resourceLabels.team': '-x' is not a valid Kubernetes label value/,
    );
  });
});
