import { parseSelector } from './parseSelector';
import { extractVectorSelectors, renderQuery } from './renderQuery';

const matchers = parseSelector('namespace="spark",app="daily-sales-etl"');

describe('renderQuery', () => {
  it('injects matchers into bare and labelled selectors everywhere in the tree', () => {
    const query = renderQuery(
      'sum(rate(spark_app_jobs_total{status="failed"}[24h])) / clamp_min(sum(rate(spark_app_jobs_total[24h])), 1) or on() vector(0)',
      { matchers },
    );
    expect(query).toBe(
      'sum(rate(spark_app_jobs_total{namespace="spark",app="daily-sales-etl",status="failed"}[24h])) / clamp_min(sum(rate(spark_app_jobs_total{namespace="spark",app="daily-sales-etl"}[24h])), 1) or on() vector(0)',
    );
  });

  it('handles subqueries, offsets and empty braces', () => {
    expect(
      renderQuery('max_over_time(up{}[1h:5m] offset 5m) + foo', {
        matchers: parseSelector('a="b"'),
      }),
    ).toBe('max_over_time(up{a="b"}[1h:5m] offset 5m) + foo{a="b"}');
  });

  it('leaves the template alone without matchers', () => {
    expect(renderQuery('up == 1', { matchers: [] })).toBe('up == 1');
  });

  it('substitutes validated identity placeholders inside string literals', () => {
    expect(
      renderQuery('airflow_ti_failures{dag_id="${dag_id}"}', {
        matchers: parseSelector('namespace="airflow"'),
        identity: { dag_id: 'sales_daily_pipeline' },
      }),
    ).toBe(
      'airflow_ti_failures{namespace="airflow",dag_id="sales_daily_pipeline"}',
    );
  });

  it('escapes regex metacharacters when the placeholder sits in a regex matcher', () => {
    expect(
      renderQuery('iceberg_table_snapshots{table=~"${table}"}', {
        matchers: [],
        identity: { table: 'sales.daily_orders' },
      }),
    ).toBe('iceberg_table_snapshots{table=~"sales\\\\.daily_orders"}');
  });

  it('rejects identity values that could change the query', () => {
    expect(() =>
      renderQuery('x{dag_id="${dag_id}"}', {
        matchers: [],
        identity: { dag_id: 'a"} or vector(1) #' },
      }),
    ).toThrow(/may only contain/);
  });

  it('fails when a placeholder has no value', () => {
    expect(() => renderQuery('x{t="${table}"}', { matchers: [] })).toThrow(
      /needs 'table'/,
    );
  });

  it('rejects placeholders outside string literals and broken templates', () => {
    expect(() =>
      renderQuery('x{t=${table}}', { matchers: [], identity: { table: 'a' } }),
    ).toThrow(/does not parse/);
    expect(() => renderQuery('sum(', { matchers })).toThrow(/does not parse/);
  });
});

describe('extractVectorSelectors', () => {
  it('lists each distinct selector once', () => {
    expect(
      extractVectorSelectors(
        'sum(rate(a{x="1"}[5m])) / sum(rate(a{x="1"}[5m])) + b',
      ),
    ).toEqual(['a{x="1"}', 'b']);
  });
});
