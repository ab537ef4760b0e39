import {
  checkLabelSelector,
  isIndexPatternAllowed,
  isValidArgoCdAppName,
  isWellFormedIndexPattern,
  parseOpenSearchFilters,
  parseStorageList,
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
  it('reads kind:name items', () => {
    expect(parseStorageList('s3:sales-lake, oracle:SALES_TS')).toEqual([
      { kind: 's3', name: 'sales-lake' },
      { kind: 'oracle', name: 'SALES_TS' },
    ]);
  });

  it.each([
    ['sales-lake', /'sales-lake' is not kind:name/],
    ['s3:', /'s3:' is not kind:name/],
    ['nfs:share', /unknown storage kind 'nfs'/],
    ['s3:bad"name', /may only contain/],
  ])('rejects %s', (raw, message) => {
    expect(() => parseStorageList(raw)).toThrow(message);
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
    'env notin (dev)',
    'managed',
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
  ])('rejects selector %j', (selector, message) => {
    expect(checkLabelSelector(selector)).toMatch(message);
  });
});
