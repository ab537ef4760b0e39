import type { Entity } from '@backstage/catalog-model';
import type { PanelDefinition } from '../shared';
import { applyRunSla } from './applyRunSla';

const dag = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'sales-daily-pipeline', annotations },
  spec: { type: 'airflow-dag' },
});

const PANELS: PanelDefinition[] = [
  {
    id: 'run-duration-p95',
    title: 'DAG run duration P99',
    unit: 's',
    query: 'max(airflow_dagrun_duration{quantile="0.99"})',
  },
  {
    id: 'scheduler-lag',
    title: 'Scheduler lag P99',
    unit: 's',
    query: 'max(airflow_dagrun_schedule_delay{quantile="0.99"})',
    thresholds: { direction: 'above', warning: 30 },
  },
];

describe('applyRunSla', () => {
  it('judges the run-duration panel by the SLA: warning past it, critical past SLA + 50%', () => {
    const warnings: string[] = [];
    const [duration, lag] = applyRunSla(
      PANELS,
      dag({ 'dataops.io/run-sla': '45m' }),
      'prod',
      w => warnings.push(w),
    );
    expect(duration.thresholds).toEqual({
      direction: 'above',
      warning: 2700,
      critical: 4050,
    });
    expect(duration.description).toBe('Thresholds from dataops.io/run-sla.');
    expect(lag).toBe(PANELS[1]);
    expect(warnings).toEqual([]);
  });

  it("judges the Spark job's run-duration panel by its SLA too, and only panels in seconds", () => {
    const job: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'daily-sales-etl',
        annotations: { 'dataops.io/run-sla': '30m' },
      },
      spec: { type: 'spark-job' },
    };
    const spark: PanelDefinition[] = [
      {
        id: 'run-duration',
        title: 'Run duration (24 h mean)',
        unit: 's',
        description: 'Mean time of the runs.',
        query:
          'max(sum by (namespace, app) (increase(spark_application_success_execution_time_seconds_sum[24h])) / sum by (namespace, app) (increase(spark_application_success_execution_time_seconds_count[24h])))',
      },
      {
        id: 'failed-job-rate',
        title: 'Failed runs (24 h)',
        unit: '%',
        query: '100 * sum(increase(spark_application_failure_count[24h]))',
        thresholds: { direction: 'above', warning: 2, critical: 5 },
      },
    ];
    const [duration, failed] = applyRunSla(spark, job, 'prod', () => undefined);
    expect(duration.thresholds).toEqual({
      direction: 'above',
      warning: 1800,
      critical: 2700,
    });
    expect(duration.description).toBe(
      'Mean time of the runs. Thresholds from dataops.io/run-sla.',
    );
    expect(failed).toBe(spark[1]);
    // Someone's own panel under the same id but in minutes keeps its thresholds: the SLA is in seconds.
    const minutes = { ...spark[0], unit: 'min' };
    expect(applyRunSla([minutes], job, 'prod', () => undefined)[0]).toBe(
      minutes,
    );
  });

  it("uses the environment's own SLA where one is set", () => {
    const [duration] = applyRunSla(
      PANELS,
      dag({ 'dataops.io/run-sla': '45m', 'dataops.io/run-sla.dev': '2h' }),
      'dev',
      () => undefined,
    );
    expect(duration.thresholds?.warning).toBe(7200);
    expect(duration.description).toBe(
      'Thresholds from dataops.io/run-sla.dev.',
    );
  });

  it('keeps the configured thresholds without an SLA, and warns about a malformed one', () => {
    expect(applyRunSla(PANELS, dag({}), 'prod', () => undefined)).toBe(PANELS);
    const warnings: string[] = [];
    expect(
      applyRunSla(PANELS, dag({ 'dataops.io/run-sla': 'soon' }), 'prod', w =>
        warnings.push(w),
      ),
    ).toBe(PANELS);
    expect(warnings).toEqual([
      expect.stringMatching(
        /^run-duration thresholds not applied: dataops\.io\/run-sla: /,
      ),
    ]);
  });
});
