import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import {
  generateSloRules,
  toPrometheusRule,
  toRulesFileYaml,
  type RulesFile,
  type SloRulesInput,
} from './generator';
import { DEFAULT_PROFILE_SELECTION } from '@dataops-observability/plugin-dataops-common';
import {
  buildBurnRateUnitTests,
  requireBinary,
  runPromtool,
  type BurnScenario,
} from '@dataops-observability/plugin-dataops-test-utils';

// Real promtool; a missing binary fails here with an explanation rather than skipping.
requireBinary('promtool');

const FAST = 'SloErrorBudgetFastBurn';
const SLOW = 'SloErrorBudgetSlowBurn';

/**
 * One entity per exporter profile that publishes SLI counters, its series named exactly as that exporter
 * publishes them (docs/metrics-catalogue.md): the rules generated for the profile must fire on them.
 */
const entities: Array<{
  name: string;
  input: SloRulesInput;
  goodSeries: string;
  badSeries: string;
}> = [
  {
    name: 'spark-operator-jmx',
    input: {
      entityRef: 'component:default/daily-sales-etl',
      owner: 'group:default/sales-data',
      entityType: 'spark-job',
      identity: { sparkAppName: 'daily-sales-etl' },
      matchers: 'namespace="spark",app="daily-sales-etl"',
      env: 'prod',
    },
    goodSeries:
      'spark_application_success_count{namespace="spark",app="daily-sales-etl"}',
    badSeries:
      'spark_application_failure_count{namespace="spark",app="daily-sales-etl"}',
  },
  {
    name: 'airflow-statsd-chart',
    input: {
      entityRef: 'component:default/sales-daily-pipeline',
      owner: 'group:default/sales-data',
      entityType: 'airflow-dag',
      identity: { airflowDagId: 'sales_daily_pipeline' },
      matchers: 'namespace="airflow"',
      env: 'stage',
    },
    goodSeries:
      'airflow_dagrun_duration_count{namespace="airflow",dag_id="sales_daily_pipeline"}',
    badSeries:
      'airflow_dagrun_failed_count{namespace="airflow",dag_id="sales_daily_pipeline"}',
  },
  {
    name: 'airflow-statsd-outcome',
    input: {
      entityRef: 'component:default/sales-daily-pipeline',
      owner: 'group:default/sales-data',
      entityType: 'airflow-dag',
      identity: { airflowDagId: 'sales_daily_pipeline' },
      matchers: 'namespace="airflow"',
      env: 'stage',
      profile: {
        ...DEFAULT_PROFILE_SELECTION,
        airflow: 'airflow-statsd-outcome',
      },
    },
    goodSeries:
      'airflow_dagrun_duration_success_count{namespace="airflow",dag_id="sales_daily_pipeline"}',
    badSeries:
      'airflow_dagrun_duration_failed_count{namespace="airflow",dag_id="sales_daily_pipeline"}',
  },
  {
    name: 'iceberg-table-exporter',
    input: {
      entityRef: 'resource:default/sales-daily-orders',
      owner: 'group:default/sales-data',
      entityType: 'iceberg-table',
      identity: { icebergTable: 'sales.daily_orders' },
      matchers: 'namespace="iceberg"',
      env: 'dev',
    },
    goodSeries:
      'iceberg_table_commits_total{namespace="iceberg",table="sales.daily_orders",on_time="true"}',
    badSeries:
      'iceberg_table_commits_total{namespace="iceberg",table="sales.daily_orders",on_time="false"}',
  },
];

// 30-day budget: the 1h ratio (5%) and the 5m ratio (20%) exceed 36 x 0.1%, while the 6h ratio (0.83%)
// stays under 12 x 0.1%. A 7-hour burn at 2% keeps every window at 2%: over 12x, under 36x.
const fastSpike: BurnScenario = {
  name: 'fast spike',
  phases: [
    { minutes: 405, eventsPerMinute: 1000, badPerMinute: 0 },
    { minutes: 15, eventsPerMinute: 1000, badPerMinute: 200 },
  ],
  expectFiring: [FAST],
};
const slowBurn: BurnScenario = {
  name: 'slow sustained burn',
  phases: [
    { minutes: 60, eventsPerMinute: 1000, badPerMinute: 0 },
    { minutes: 420, eventsPerMinute: 1000, badPerMinute: 20 },
  ],
  expectFiring: [SLOW],
};
const healthy: BurnScenario = {
  name: 'within budget',
  phases: [{ minutes: 480, eventsPerMinute: 1000, badPerMinute: 1 }],
  expectFiring: [],
};

describe('generated rules under the real promtool', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'slo-rules-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function writeRules(name: string, rules: RulesFile) {
    await writeFile(join(dir, name), toRulesFileYaml(rules));
  }

  describe.each(entities)('$name', ({ name, input, goodSeries, badSeries }) => {
    const rules = generateSloRules(input);
    const base = name;

    it('passes promtool check rules, as a rules file and as the PrometheusRule spec', async () => {
      await writeRules(`${base}.rules.yaml`, rules);
      const spec = toPrometheusRule(rules, { name: base }).spec as RulesFile;
      await writeFile(join(dir, `${base}.spec.yaml`), stringify(spec));
      const result = await runPromtool(
        ['check', 'rules', `${base}.rules.yaml`, `${base}.spec.yaml`],
        { cwd: dir },
      );
      expect(result.output).toContain('SUCCESS: 9 rules found');
      expect(result.exitCode).toBe(0);
    }, 60_000);

    it('fires fast burn but not slow on a spike, slow but not fast on a sustained burn, none within budget', async () => {
      await writeRules(`${base}.rules.yaml`, rules);
      const tests = buildBurnRateUnitTests({
        ruleFiles: [`${base}.rules.yaml`],
        rules,
        goodSeries,
        badSeries,
        scenarios: [fastSpike, slowBurn, healthy],
      });
      await writeFile(join(dir, `${base}.test.yaml`), stringify(tests));
      const result = await runPromtool(['test', 'rules', `${base}.test.yaml`], {
        cwd: dir,
      });
      expect(result.output).toContain('SUCCESS');
      expect(result.output).not.toContain('FAILED');
      expect(result.exitCode).toBe(0);
    }, 120_000);
  });

  it('fails (exit 1, naming the alert) when a scenario expects the wrong alert, so the checks above have teeth', async () => {
    const { input, goodSeries, badSeries } = entities[0];
    const rules = generateSloRules(input);
    await writeRules('teeth.rules.yaml', rules);
    const tests = buildBurnRateUnitTests({
      ruleFiles: ['teeth.rules.yaml'],
      rules,
      goodSeries,
      badSeries,
      scenarios: [{ ...fastSpike, expectFiring: [SLOW] }],
    });
    await writeFile(join(dir, 'teeth.test.yaml'), stringify(tests));
    const result = await runPromtool(['test', 'rules', 'teeth.test.yaml'], {
      cwd: dir,
    });
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain('FAILED');
    expect(result.output).toContain(`alertname: ${FAST}`);
    expect(result.output).toContain(`alertname: ${SLOW}`);
  }, 120_000);

  it('rejects a broken rules file, so the check above is not vacuous', async () => {
    const rules = generateSloRules(entities[0].input);
    const broken: RulesFile = {
      groups: [
        {
          ...rules.groups[0],
          rules: [{ record: 'x', expr: 'sum(', labels: {} }],
        },
      ],
    };
    await writeRules('broken.rules.yaml', broken);
    const result = await runPromtool(['check', 'rules', 'broken.rules.yaml'], {
      cwd: dir,
    });
    expect(result.exitCode).toBe(1);
    expect(result.output).toMatch(/FAILED/);
  }, 60_000);
});
