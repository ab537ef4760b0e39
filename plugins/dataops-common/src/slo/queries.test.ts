import type { Entity } from '@backstage/catalog-model';
import { parseSelector } from '../promql';
import {
  buildErrorRatioQuery,
  buildGoodEventsQuery,
  buildRecordedErrorRatioQuery,
  buildRecordedSliQuery,
  buildSliQuery,
  buildTotalEventsQuery,
  recordingRuleName,
} from './queries';
import {
  DEFAULT_SLI_TEMPLATES,
  sliIdentityForEntity,
  sliTemplateForEntityType,
  sliTemplateVariables,
  validateSliTemplate,
} from './templates';

const spark = DEFAULT_SLI_TEMPLATES['spark-job'];
const airflow = DEFAULT_SLI_TEMPLATES['airflow-dag'];
const iceberg = DEFAULT_SLI_TEMPLATES['iceberg-table'];

describe('SLI templates', () => {
  it('exist for every entity type of the contract and validate', () => {
    for (const type of ['airflow-dag', 'spark-job', 'iceberg-table']) {
      expect(sliTemplateForEntityType(type).entityType).toBe(type);
    }
    expect(() => sliTemplateForEntityType('kafka-topic')).toThrow(
      "No SLI template for entity type 'kafka-topic'",
    );
  });

  it('use the catalogue metrics and identity placeholders named after annotations', () => {
    expect(sliTemplateVariables(airflow)).toEqual(['airflowDagId']);
    expect(sliTemplateVariables(spark)).toEqual(['sparkAppName']);
    expect(sliTemplateVariables(iceberg)).toEqual(['icebergTable']);
    // The default stack's exporters: Airflow's Helm chart mapping, the Spark operator's counters.
    expect(airflow.totalEvents.join()).toContain('airflow_dagrun_failed_count');
    expect(spark.totalEvents.join()).toContain(
      'spark_application_failure_count',
    );
    expect(iceberg.goodEvents[0]).toContain('on_time="true"');
  });

  it('prefers configured templates over the defaults', () => {
    const custom = { ...spark, id: 'spark-custom' };
    expect(
      sliTemplateForEntityType('spark-job', { 'spark-job': custom }).id,
    ).toBe('spark-custom');
  });

  it.each([
    [{ ...spark, id: 'Bad Id' }, /the id must be lowercase/],
    [{ ...spark, goodEvents: [] }, /goodEvents needs at least one selector/],
    [
      { ...spark, totalEvents: ['sum(spark_app_runs_total)'] },
      /single vector selector/,
    ],
    [
      { ...spark, totalEvents: ['up{a="b"} or vector(1)'] },
      /single vector selector/,
    ],
    [{ ...spark, goodEvents: ['spark_app_runs_total{'] }, /does not parse/],
  ])('rejects the broken template %#', (template, message) => {
    expect(() => validateSliTemplate(template)).toThrow(message);
  });

  it('reads identity values from the annotations, per environment', () => {
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'sales-daily-pipeline',
        annotations: {
          'dataops.io/airflow-dag-id': 'sales_daily_pipeline',
          'dataops.io/airflow-dag-id.prod': 'sales_daily_pipeline_v2',
        },
      },
    };
    expect(sliIdentityForEntity(entity, airflow)).toEqual({
      airflowDagId: 'sales_daily_pipeline',
    });
    expect(sliIdentityForEntity(entity, airflow, 'prod')).toEqual({
      airflowDagId: 'sales_daily_pipeline_v2',
    });
    expect(() => sliIdentityForEntity(entity, spark)).toThrow(
      "SLI 'spark-app-run-success' needs the annotation 'dataops.io/spark-app-name' on the entity",
    );
  });
});

describe('query builders', () => {
  it('build the error ratio over a window from increase() of good and total', () => {
    expect(buildErrorRatioQuery(iceberg, '1h')).toBe(
      '1 - ((sum(increase(iceberg_table_commits_total{table="${icebergTable}",on_time="true"}[1h])) or vector(0)) / ' +
        'sum(increase(iceberg_table_commits_total{table="${icebergTable}"}[1h])))',
    );
  });

  it('sum several total counters, each defaulting to 0 when absent', () => {
    expect(buildSliQuery(airflow, '1h')).toBe(
      `${buildGoodEventsQuery(airflow, '1h')} / (${buildTotalEventsQuery(
        airflow,
        '1h',
      )})`,
    );
    const success =
      'sum(increase(airflow_dagrun_duration_count{dag_id="${airflowDagId}"}[30d]))';
    const failed =
      'sum(increase(airflow_dagrun_failed_count{dag_id="${airflowDagId}"}[30d]))';
    // Kept only where one of the counters has series, so counters that do not exist read "not collected".
    expect(buildTotalEventsQuery(airflow, '30d')).toBe(
      `((${success} or vector(0)) + (${failed} or vector(0))) and on () (${success} or ${failed})`,
    );
  });

  it('render identity and inject the entity matchers into every selector when asked', () => {
    const query = buildSliQuery(iceberg, '30d', {
      identity: { icebergTable: 'sales.daily_orders' },
      matchers: parseSelector('namespace="iceberg"'),
    });
    expect(query).toBe(
      '(sum(increase(iceberg_table_commits_total{namespace="iceberg",table="sales.daily_orders",on_time="true"}[30d])) or vector(0)) / ' +
        'sum(increase(iceberg_table_commits_total{namespace="iceberg",table="sales.daily_orders"}[30d]))',
    );
    expect(
      buildGoodEventsQuery(iceberg, '1d', { identity: { icebergTable: 't' } }),
    ).toContain('table="t",on_time="true"}[1d]');
  });

  it('refuse identity values that could change the query', () => {
    expect(() =>
      buildErrorRatioQuery(spark, '5m', {
        identity: { sparkAppName: 'x"} or up{a="' },
      }),
    ).toThrow(/may only contain/);
    expect(() => buildErrorRatioQuery(spark, '5m', { identity: {} })).toThrow(
      /needs 'sparkAppName'/,
    );
  });

  it('normalise and validate windows', () => {
    expect(buildErrorRatioQuery(spark, '60m')).toContain('[1h]');
    expect(() => buildErrorRatioQuery(spark, '1 hour')).toThrow(
      /Invalid window/,
    );
  });

  it('name recording rules slo:sli_error:ratio_rate<W> and select them by SLO labels', () => {
    expect(recordingRuleName('5m')).toBe('slo:sli_error:ratio_rate5m');
    expect(recordingRuleName('72h')).toBe('slo:sli_error:ratio_rate3d');
    expect(
      buildRecordedErrorRatioQuery('1h', {
        slo: 'spark-app-run-success',
        backstage_entity: 'component:default/daily-sales-etl',
        env: 'prod',
      }),
    ).toBe(
      'slo:sli_error:ratio_rate1h{slo="spark-app-run-success",backstage_entity="component:default/daily-sales-etl",env="prod"}',
    );
    expect(
      buildRecordedSliQuery('30d', {
        slo: 's',
        backstage_entity: 'component:default/x',
      }),
    ).toBe(
      '1 - avg_over_time(slo:sli_error:ratio_rate5m{slo="s",backstage_entity="component:default/x"}[30d])',
    );
    expect(() =>
      buildRecordedErrorRatioQuery('1h', { slo: '', backstage_entity: 'x' }),
    ).toThrow(/'slo' must not be empty/);
  });
});
