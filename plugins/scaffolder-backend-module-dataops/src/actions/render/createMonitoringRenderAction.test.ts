import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { SpecValidator } from '@internal/api-spec-checks';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkPrometheusRule } from '../../__testUtils__/checkPrometheusRules';
import { createMonitoringRenderAction } from './createMonitoringRenderAction';
import { examples } from './monitoringRender.examples';

const action = createMonitoringRenderAction();

const sparkInput = {
  entityRef: 'component:default/daily-sales-etl',
  type: 'spark-job',
  namespace: 'spark',
  owner: 'group:default/sales-data',
  environments: ['dev', 'prod'],
  selector: 'namespace="spark",app="daily-sales-etl"',
  identity: 'daily-sales-etl',
};

async function run(input: Record<string, unknown>) {
  const dir = createMockDirectory();
  const ctx = createMockActionContext({
    input: input as any,
    workspacePath: dir.path,
  });
  await action.handler(ctx);
  const outputs = Object.fromEntries(
    (ctx.output as jest.Mock).mock.calls.map(([k, v]) => [k, v]),
  );
  const read = (path: string) => readFileSync(join(dir.path, path), 'utf8');
  return { outputs, read, files: outputs.files as string[] };
}

function rulesOf(yamlText: string) {
  const resource = parse(yamlText);
  return resource.spec.groups.flatMap((g: any) => g.rules) as any[];
}

describe('dataops:monitoring:render', () => {
  it.each(examples.map(e => [e.description, e] as const))(
    'runs the example "%s": every listed file exists, parses, and every PrometheusRule passes promtool',
    async (_description, example) => {
      const step = parse(example.example).steps[0];
      const { files, read, outputs } = await run(step.input);
      expect(files.length).toBeGreaterThanOrEqual(
        2 + 4 * step.input.environments.length,
      );
      expect(outputs.summary.split('\n')).toHaveLength(files.length);
      for (const file of files) {
        const text = read(file);
        const value = file.endsWith('.json') ? JSON.parse(text) : parse(text);
        expect(value).toBeTruthy();
      }
      for (const file of files.filter(f =>
        f.endsWith('prometheus-rule.yaml'),
      )) {
        const result = await checkPrometheusRule(read(file));
        expect({ file, output: result.output, code: result.exitCode }).toEqual(
          expect.objectContaining({ code: 0 }),
        );
        expect(result.output).toMatch(/SUCCESS: \d+ rules found/);
      }
    },
    120_000,
  );

  it('the promtool check bites: a broken expression in a generated rule fails it', async () => {
    const { read } = await run(sparkInput);
    const text = read(
      'monitoring/daily-sales-etl/overlays/dev/prometheus-rule.yaml',
    );
    const broken = text.replace('> 0.85', '> > 0.85');
    expect(broken).not.toBe(text);
    const result = await checkPrometheusRule(broken);
    expect(result.exitCode).not.toBe(0);
  }, 120_000);

  it('writes base, one overlay per environment and the log policies, all in the bundle folder', async () => {
    const { files, read } = await run(sparkInput);
    expect(files).toEqual([
      'monitoring/daily-sales-etl/base/kustomization.yaml',
      'monitoring/daily-sales-etl/base/pod-monitor.yaml',
      ...['dev', 'prod'].flatMap(env => [
        `monitoring/daily-sales-etl/overlays/${env}/kustomization.yaml`,
        `monitoring/daily-sales-etl/overlays/${env}/prometheus-rule.yaml`,
        `monitoring/daily-sales-etl/opensearch/${env}/ism-policy.json`,
        `monitoring/daily-sales-etl/opensearch/${env}/index-template.json`,
      ]),
    ]);
    const overlay = parse(
      read('monitoring/daily-sales-etl/overlays/prod/kustomization.yaml'),
    );
    expect(overlay.resources).toEqual(['../../base', 'prometheus-rule.yaml']);
    const base = parse(
      read('monitoring/daily-sales-etl/base/kustomization.yaml'),
    );
    expect(base.resources).toEqual(['pod-monitor.yaml']);
    const monitor = parse(
      read('monitoring/daily-sales-etl/base/pod-monitor.yaml'),
    );
    expect(monitor).toMatchObject({
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PodMonitor',
      metadata: { name: 'daily-sales-etl', namespace: 'spark' },
      spec: {
        selector: { matchLabels: { app: 'daily-sales-etl' } },
        namespaceSelector: { matchNames: ['spark'] },
        podMetricsEndpoints: [{ port: 'metrics', interval: '15s' }],
      },
    });
  });

  it('labels every rule for routing and uses the layer thresholds of docs/platform-rules.md per type', async () => {
    const { read } = await run(sparkInput);
    const rules = rulesOf(
      read('monitoring/daily-sales-etl/overlays/prod/prometheus-rule.yaml'),
    );
    const alerts = rules.filter(r => r.alert);
    for (const rule of alerts) {
      expect(rule.labels).toEqual(
        expect.objectContaining({
          owner: 'group:default/sales-data',
          backstage_entity: 'component:default/daily-sales-etl',
          env: 'prod',
        }),
      );
      expect(['critical', 'warning']).toContain(rule.labels.severity);
      expect(['P1', 'P2', 'P3', 'P4']).toContain(rule.labels.priority);
    }
    const byName = Object.fromEntries(alerts.map(a => [a.alert, a]));
    expect(Object.keys(byName).sort()).toEqual(
      [
        'DataOpsContainerRestarts',
        'DataOpsCpuHigh',
        'DataOpsCrashLoopBackOff',
        'DataOpsMemoryHigh',
        'DataOpsOomKilled',
        'DataOpsPodNotRunning',
        'SloErrorBudgetFastBurn',
        'SloErrorBudgetSlowBurn',
        'SparkGcTimeHigh',
        'SparkJobFailureRateHigh',
      ].sort(),
    );
    expect(byName.DataOpsContainerRestarts.expr).toMatch(/\) > 3$/);
    expect(byName.DataOpsCpuHigh.expr).toMatch(/> 0\.85$/);
    expect(byName.DataOpsMemoryHigh.expr).toMatch(/> 0\.9$/);
    expect(byName.SparkJobFailureRateHigh.expr).toMatch(/> 0\.05$/);
    expect(byName.SparkJobFailureRateHigh.labels).toMatchObject({
      severity: 'critical',
      priority: 'P2',
    });
    expect(byName.SparkGcTimeHigh.labels).toMatchObject({
      severity: 'warning',
      priority: 'P3',
    });
    expect(byName.SloErrorBudgetFastBurn.labels).toMatchObject({
      priority: 'P1',
    });
    expect(byName.SparkJobFailureRateHigh.expr).toContain(
      'spark_application_failure_count{namespace="spark",app="daily-sales-etl",app="daily-sales-etl"}',
    );
    expect(byName.DataOpsCrashLoopBackOff.expr).toContain(
      'kube_pod_container_status_waiting_reason{namespace="spark",app="daily-sales-etl",reason="CrashLoopBackOff"}',
    );
  });

  it.each([
    [
      'spark-standalone',
      sparkInput,
      { spark: 'spark-standalone' },
      {
        SparkGcTimeHigh:
          'metrics_executor_totalGCTime_seconds_total{namespace="spark",app="daily-sales-etl",application_name="daily-sales-etl"}',
      },
      // The standalone master publishes no run outcomes: no failure-rate alert, no SLO rules.
      ['SparkJobFailureRateHigh', 'SloErrorBudgetFastBurn'],
    ],
    [
      'airflow-statsd-outcome',
      {
        ...sparkInput,
        entityRef: 'component:default/sales-daily-pipeline',
        type: 'airflow-dag',
        namespace: 'airflow',
        selector: 'namespace="airflow"',
        identity: 'sales_daily_pipeline',
      },
      { airflow: 'airflow-statsd-outcome' },
      {
        AirflowDagSuccessRateLow:
          'airflow_dagrun_duration_success_count{namespace="airflow",dag_id="sales_daily_pipeline"}',
        SloErrorBudgetFastBurn: 'slo:sli_error:ratio_rate',
      },
      [],
    ],
  ] as const)(
    'writes rules that read the series of the %s profile and pass promtool',
    async (_profile, input, profile, reads, absent) => {
      const { read, files } = await run({ ...input, profile });
      const ruleFiles = files.filter(f => f.endsWith('prometheus-rule.yaml'));
      expect(ruleFiles.length).toBeGreaterThan(0);
      for (const file of ruleFiles) {
        const result = await checkPrometheusRule(read(file));
        expect(result.output).toContain('SUCCESS');
        expect(result.exitCode).toBe(0);
      }
      const rules = rulesOf(read(ruleFiles[0]));
      for (const [alert, series] of Object.entries(reads)) {
        const rule = rules.find(r => r.alert === alert);
        expect({ alert, expr: rule?.expr ?? '' }).toEqual({
          alert,
          expr: expect.stringContaining(series),
        });
      }
      for (const alert of absent) {
        expect(rules.some(r => r.alert === alert)).toBe(false);
      }
    },
    120_000,
  );

  it('refuses an unknown exporter profile, naming the layer and the profiles it accepts', async () => {
    await expect(
      run({ ...sparkInput, profile: { s3: 'minio-v4' } }),
    ).rejects.toThrow(
      "Invalid input 'profile': unknown s3 profile 'minio-v4'; known: minio-v2, minio-v3",
    );
  });

  it('applies threshold overrides and picks the alerts of Airflow DAGs and Iceberg tables', async () => {
    const airflow = await run({
      ...sparkInput,
      entityRef: 'component:default/sales-daily-pipeline',
      type: 'airflow-dag',
      namespace: 'airflow',
      selector: 'namespace="airflow"',
      identity: 'sales_daily_pipeline',
      thresholds: { schedulerLagSeconds: 20, restarts: 5 },
    });
    const airflowRules = rulesOf(
      airflow.read(
        'monitoring/sales-daily-pipeline/overlays/dev/prometheus-rule.yaml',
      ),
    );
    const lag = airflowRules.find(r => r.alert === 'AirflowSchedulerLagHigh');
    expect(lag.expr).toBe(
      'max(airflow_dagrun_schedule_delay{namespace="airflow",dag_id="sales_daily_pipeline",quantile="0.99"}) > 20',
    );
    expect(lag.labels).toMatchObject({ priority: 'P3', env: 'dev' });
    expect(
      airflowRules.find(r => r.alert === 'DataOpsContainerRestarts').expr,
    ).toMatch(/> 5$/);
    expect(
      airflowRules.find(r => r.alert === 'AirflowDagSuccessRateLow').expr,
    ).toMatch(/< 0\.95$/);
    expect(airflowRules.some(r => r.alert?.startsWith('Spark'))).toBe(false);

    const iceberg = await run({
      ...sparkInput,
      entityRef: 'resource:default/sales-daily-orders',
      type: 'iceberg-table',
      namespace: 'iceberg',
      selector: '',
      identity: 'sales.daily_orders',
      thresholds: { smallFilePercent: 25 },
    });
    expect(iceberg.files).toContain(
      'monitoring/sales-daily-orders/base/service-monitor.yaml',
    );
    const tableAlerts = rulesOf(
      iceberg.read(
        'monitoring/sales-daily-orders/overlays/prod/prometheus-rule.yaml',
      ),
    )
      .filter(r => r.alert)
      .map(r => [r.alert, r.expr]);
    expect(tableAlerts.map(([name]) => name)).toEqual([
      'IcebergSnapshotCountHigh',
      'IcebergSmallFilesHigh',
      'SloErrorBudgetFastBurn',
      'SloErrorBudgetSlowBurn',
    ]);
    expect(tableAlerts[0][1]).toBe(
      'max(iceberg_table_snapshots{namespace="iceberg",table="sales.daily_orders"}) > 100',
    );
    expect(tableAlerts[1][1]).toMatch(/> 0\.25$/);
  });

  it('writes ISM policies (hot, cold, delete) and index templates that the OpenSearch API accepts', async () => {
    const { read } = await run({
      ...sparkInput,
      logIndex: 'logs-spark-sales-*',
      logHotDays: 3,
      logRetentionDays: 14,
    });
    const policy = JSON.parse(
      read('monitoring/daily-sales-etl/opensearch/prod/ism-policy.json'),
    ).policy;
    expect(policy.default_state).toBe('hot');
    expect(policy.states.map((s: any) => s.name)).toEqual([
      'hot',
      'cold',
      'delete',
    ]);
    expect(policy.states[0].transitions[0]).toEqual({
      state_name: 'cold',
      conditions: { min_index_age: '3d' },
    });
    expect(policy.states[1].transitions[0]).toEqual({
      state_name: 'delete',
      conditions: { min_index_age: '14d' },
    });
    expect(policy.states[2].actions).toEqual([{ delete: {} }]);
    expect(policy.ism_template[0].index_patterns).toEqual([
      'logs-spark-sales-*',
    ]);

    const template = JSON.parse(
      read('monitoring/daily-sales-etl/opensearch/prod/index-template.json'),
    );
    expect(template.index_patterns).toEqual(['logs-spark-sales-*']);
    const check = SpecValidator.for('opensearch').checkRequestBody(
      'put',
      '/_index_template/{name}',
      template,
    );
    expect(check.errors).toEqual([]);
    const broken = SpecValidator.for('opensearch').checkRequestBody(
      'put',
      '/_index_template/{name}',
      {
        ...template,
        index_patterns: 42,
      },
    );
    expect(broken.valid).toBe(false);
  });

  it.each([
    [{ selector: 'namespace="spark"} or up{' }, "'selector'"],
    [{ selector: 'rate(x[5m])' }, "'selector'"],
    [{ environments: ['dev', 'pr od'] }, "'environments[1]'"],
    [{ environments: [] }, "'environments'"],
    [{ owner: 'user:default/jane' }, "'owner'"],
    [{ entityRef: 'not a ref' }, "'entityRef'"],
    [{ namespace: 'Spark_NS' }, "'namespace'"],
    [{ identity: 'x"}or{y' }, "'identity'"],
    [{ thresholds: { snapshotCount: 10 } }, "'thresholds.snapshotCount'"],
    [{ thresholds: { cpuPercent: 150 } }, "'thresholds.cpuPercent'"],
    [{ thresholds: { bogus: 1 } }, "'thresholds'"],
    [{ logIndex: 'logs spark,*' }, "'logIndex'"],
    [{ logHotDays: 30, logRetentionDays: 7 }, "'logRetentionDays'"],
    [{ sloObjective: 120 }, "'sloObjective'"],
    [{ sloWindow: 'a month' }, "'sloWindow'"],
    [{ type: 'kafka-topic' }, "'type'"],
    [{ targetPath: '../outside' }, "'targetPath'"],
    [{ resourceLabels: { release: 'has space' } }, "'resourceLabels.release'"],
  ])('rejects %j with an InputError naming %s', async (patch, field) => {
    await expect(run({ ...sparkInput, ...patch })).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining(`Invalid input ${field}`),
    });
  });
});
