import {
  checkLabelSelector,
  isIndexPatternAllowed,
  isValidArgoCdAppName,
  isValidKubernetesObjectName,
  isValidLabelKey,
  isValidLabelValue,
  isWellFormedIndexPattern,
  MAX_STORAGE_ITEMS,
  parseIcebergTableName,
  parseOpenSearchFilters,
  parseStorageList,
  STORAGE_KINDS,
} from '.';

describe('index patterns', () => {
  it.each([
    ['logs-spark-*', true],
    ['*', true],
    ['logs-*,secrets', false],
    ['-logs', false],
    ['remote:logs-*', false],
    ['Logs-*', false],
    ['', false],
  ])('%s well formed: %s', (pattern, expected) => {
    expect(isWellFormedIndexPattern(pattern)).toBe(expected);
  });

  it.each([
    ['logs-spark-*', ['logs-*'], true],
    ['logs-*', ['logs-*'], true],
    ['logs-*', ['logs-spark-*'], false],
    ['audit-*', ['logs-*'], false],
    ['*', ['logs-*'], false],
    ['logs-x', ['logs.x'], false],
    ['logs-spark-2026.01.01', ['logs-spark-*'], true],
    ['logs-spark-*', ['logs-airflow-*'], false],
    ['logs*', ['logs-*'], false],
    ['logs-a,secrets', ['logs-*'], false],
    ['-logs-a', ['*'], false],
    ['remote:logs-a', ['*'], false],
    ['LOGS-a', ['logs-*'], false],
  ])('%s inside %j: %s', (pattern, allowed, expected) => {
    expect(isIndexPatternAllowed(pattern, allowed)).toBe(expected);
  });
});

describe('parseStorageList', () => {
  it('reads kind:name items; blank is no storage', () => {
    expect(parseStorageList('s3:sales-lake, oracle:SALES_TS')).toEqual([
      { kind: 's3', name: 'sales-lake' },
      { kind: 'oracle', name: 'SALES_TS' },
    ]);
    expect(parseStorageList(undefined)).toEqual([]);
    expect(parseStorageList(' ')).toEqual([]);
  });

  it('knows the kinds the storage view has checks for, and no others', () => {
    expect(STORAGE_KINDS).toEqual(['s3', 'hive', 'oracle', 'ceph']);
    expect(
      parseStorageList('s3:b,hive:metastore,oracle:TS,ceph:rbd').map(
        r => r.kind,
      ),
    ).toEqual(['s3', 'hive', 'oracle', 'ceph']);
  });

  it(`accepts ${MAX_STORAGE_ITEMS} items, not one more`, () => {
    const items = (n: number) =>
      Array.from({ length: n }, (_, i) => `s3:bucket-${i}`).join(',');
    expect(parseStorageList(items(MAX_STORAGE_ITEMS))).toHaveLength(20);
    expect(() => parseStorageList(items(MAX_STORAGE_ITEMS + 1))).toThrow(
      'lists 21 storage items; at most 20 are allowed',
    );
  });

  it.each([
    ['sales-lake', /^'sales-lake' is not kind:name$/],
    ['s3:', /^'s3:' is not kind:name$/],
    [
      'nfs:share',
      /^'nfs:share' has unknown storage kind 'nfs' \(known: s3, hive, oracle, ceph\)$/,
    ],
    [
      'minio:lake',
      /unknown storage kind 'minio'.*; a MinIO bucket is 's3:<bucket>'$/,
    ],
    [
      'iceberg:sales.orders',
      /unknown storage kind 'iceberg'.*dataops\.io\/iceberg-table$/,
    ],
    ['isilon:share', /unknown storage kind 'isilon'/],
    ['S3:lake', /unknown storage kind 'S3'/],
    [
      's3:bad"name',
      /^'s3:bad"name': the name may only contain letters, digits and _ \. -/,
    ],
    ['s3:a/b', /may only contain/],
    ['s3:-lake', /may only contain/],
    [`s3:${'a'.repeat(129)}`, /at most 128 characters/],
  ])('rejects %s', (raw, message) => {
    expect(() => parseStorageList(raw)).toThrow(message);
  });
});

describe('parseIcebergTableName', () => {
  it.each([
    ['sales.daily_orders', { namespace: ['sales'], table: 'daily_orders' }],
    ['lake.raw.events-v2', { namespace: ['lake', 'raw'], table: 'events-v2' }],
  ])('reads %s', (value, expected) => {
    expect(parseIcebergTableName(value)).toEqual(expected);
  });

  it.each([
    ['daily_orders', /^'daily_orders' is not of the form namespace\.table$/],
    ['sales.daily orders', /may only contain/],
    ['sales..orders', /part '' may only contain letters, digits, _ and -/],
    ['sales.orders/x', /part 'orders\/x' may only contain/],
    ['sales:x.orders', /part 'sales:x' may only contain/],
    ['_stage.orders', /may only contain/],
    [`s.${'t'.repeat(252)}`, /max 128 characters/],
    [`${'s'.repeat(128)}.${'t'.repeat(128)}`, /max 253 characters/],
  ])('rejects %j', (value, message) => {
    expect(() => parseIcebergTableName(value)).toThrow(message);
  });
});

describe('Kubernetes names', () => {
  it.each([
    ['daily-sales-etl', true],
    ['a.b-c', true],
    ['Daily', false],
    ['-etl', false],
    ['etl-', false],
    ['a'.repeat(253), true],
    ['a'.repeat(254), false],
  ])('object name %j: %s', (name, expected) => {
    expect(isValidKubernetesObjectName(name)).toBe(expected);
  });

  it.each([
    ['team', true],
    ['app.kubernetes.io/name', true],
    ['Team_1', true],
    ['a/b/c', false],
    ['/name', false],
    ['x'.repeat(64), false],
  ])('label key %j: %s', (key, expected) => {
    expect(isValidLabelKey(key)).toBe(expected);
  });

  it.each([
    ['', true],
    ['daily-sales-etl', true],
    ['Sales_2.0', true],
    ['has space', false],
    ['_lead', false],
    ['x'.repeat(63), true],
    ['x'.repeat(64), false],
  ])('label value %j: %s', (value, expected) => {
    expect(isValidLabelValue(value)).toBe(expected);
  });
});

describe('parseOpenSearchFilters', () => {
  it('reads field:value terms, keeping colons of the value', () => {
    expect(
      parseOpenSearchFilters('kubernetes.labels.app:etl,url:http://x'),
    ).toEqual([
      { field: 'kubernetes.labels.app', value: 'etl' },
      { field: 'url', value: 'http://x' },
    ]);
  });

  it.each(['app', ':etl', 'app:', 'a b:c', 'app:x\u0007'])(
    'rejects %j',
    raw => {
      expect(() => parseOpenSearchFilters(raw)).toThrow(/is not field:value/);
    },
  );
});

describe('Argo CD', () => {
  it('accepts DNS-1123 application names only', () => {
    expect(isValidArgoCdAppName('daily-sales-etl-prod')).toBe(true);
    expect(isValidArgoCdAppName('Daily_Sales')).toBe(false);
    expect(isValidArgoCdAppName('-etl')).toBe(false);
  });

  it.each([
    'team=sales',
    'team==sales,tier!=web',
    'app.kubernetes.io/part-of=sales',
    'tier in (batch, stream),!legacy',
    'team=sales,env notin (dev)',
    'team=sales,managed',
  ])('accepts selector %s', selector => {
    expect(checkLabelSelector(selector)).toBeUndefined();
  });

  it.each([
    ['', /empty/],
    ['team=sales)', /unbalanced/],
    ['tier in (batch', /unbalanced/],
    ['team=sa les', /'team=sa les' is not a label selector requirement/],
    ['team=>x', /is not a label selector requirement/],
    ['team=sales,', /'' is not a label selector requirement/],
    // Selectors that only exclude match nearly every application.
    ['!x', /has no key=value or key in/],
    ['env notin (dev)', /has no key=value or key in/],
    ['managed', /has no key=value or key in/],
    ['team!=sales,!legacy', /has no key=value or key in/],
  ])('rejects selector %j', (selector, message) => {
    expect(checkLabelSelector(selector)).toMatch(message);
  });
});
