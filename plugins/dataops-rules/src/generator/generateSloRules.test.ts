import { parse } from 'yaml';
import { generateSloRules } from './generateSloRules';
import {
  toPrometheusRule,
  toPrometheusRuleYaml,
  toResourceName,
  toRulesFileYaml,
} from './formatRules';
import type { AlertingRule, RecordingRule } from './types';

const input = {
  entityRef: 'component:default/daily-sales-etl',
  owner: 'group:default/sales-data',
  entityType: 'spark-job',
  identity: { sparkAppName: 'daily-sales-etl' },
  matchers: 'namespace="spark",app="daily-sales-etl"',
  env: 'prod',
};

describe('generateSloRules', () => {
  const { groups } = generateSloRules(input);
  const rules = groups[0].rules;
  const recording = rules.filter((r): r is RecordingRule => 'record' in r);
  const alerts = rules.filter((r): r is AlertingRule => 'alert' in r);

  it('records the error ratio for every reported window, with the entity matchers injected', () => {
    expect(groups).toHaveLength(1);
    expect(groups[0].interval).toBe('1m');
    expect(recording.map(r => r.record)).toEqual(
      ['5m', '30m', '1h', '2h', '6h', '1d', '3d'].map(
        w => `slo:sli_error:ratio_rate${w}`,
      ),
    );
    const good =
      'sum(increase(spark_application_success_count{namespace="spark",app="daily-sales-etl",app="daily-sales-etl"}[5m]))';
    const failed =
      'sum(increase(spark_application_failure_count{namespace="spark",app="daily-sales-etl",app="daily-sales-etl"}[5m]))';
    expect(recording[0].expr).toBe(
      `1 - ((${good} or vector(0)) / (((${good} or vector(0)) + (${failed} or vector(0))) and on () (${good} or ${failed})))`,
    );
    for (const r of recording) {
      expect(r.labels).toEqual({
        slo: 'spark-app-run-success',
        backstage_entity: 'component:default/daily-sales-etl',
        env: 'prod',
      });
    }
  });

  it('alerts on fast (P1, 1h and 5m over 36x) and slow (P2, 6h and 30m over 12x) burn', () => {
    expect(
      alerts.map(a => [a.alert, a.labels.priority, a.labels.severity, a.for]),
    ).toEqual([
      ['SloErrorBudgetFastBurn', 'P1', 'critical', '2m'],
      ['SloErrorBudgetSlowBurn', 'P2', 'warning', '15m'],
    ]);
    const sel =
      'slo="spark-app-run-success",backstage_entity="component:default/daily-sales-etl",env="prod"';
    expect(alerts[0].expr).toBe(
      `slo:sli_error:ratio_rate1h{${sel}} > (36 * 0.001)\nand\nslo:sli_error:ratio_rate5m{${sel}} > (36 * 0.001)`,
    );
    expect(alerts[1].expr).toContain(
      `slo:sli_error:ratio_rate6h{${sel}} > (12 * 0.001)`,
    );
    expect(alerts[1].expr).toContain(
      `slo:sli_error:ratio_rate30m{${sel}} > (12 * 0.001)`,
    );
    expect(alerts[0].labels).toEqual({
      severity: 'critical',
      priority: 'P1',
      owner: 'group:default/sales-data',
      slo: 'spark-app-run-success',
      backstage_entity: 'component:default/daily-sales-etl',
      env: 'prod',
    });
    expect(Object.keys(alerts[0].annotations)).toEqual([
      'summary',
      'description',
      'runbook',
    ]);
    expect(alerts[0].annotations.description).toContain(
      "5% of the period's budget is gone within 1h; at this rate the whole budget lasts 20 h",
    );
  });

  it('follows the objective, period and policy it is given', () => {
    const custom = generateSloRules({
      ...input,
      objective: 99.5,
      period: '7d',
      runbookUrl: 'https://runbooks.example.com/slo',
      policy: {
        reportedWindows: ['1d'],
        alerts: [
          {
            name: 'Page',
            budgetConsumed: 0.02,
            longWindow: '1h',
            priority: 'P1',
            severity: 'critical',
            for: '0s',
          },
        ],
      },
    });
    const r = custom.groups[0].rules;
    expect(
      r.filter(x => 'record' in x).map(x => (x as RecordingRule).record),
    ).toEqual([
      'slo:sli_error:ratio_rate5m',
      'slo:sli_error:ratio_rate1h',
      'slo:sli_error:ratio_rate1d',
    ]);
    const page = r.find(x => 'alert' in x) as AlertingRule;
    // 0.02 x 168 h / 1 h = 3.36
    expect(page.expr).toContain('> (3.36 * 0.005)');
    expect(page.for).toBeUndefined();
    expect(page.annotations.runbook).toBe('https://runbooks.example.com/slo');
  });

  it.each([
    [{ entityRef: 'daily-sales-etl' }, /Invalid entity ref 'daily-sales-etl'/],
    [{ owner: 'user:default/jane' }, /Invalid owner 'user:default\/jane'/],
    [{ env: 'prod env' }, /Invalid environment name/],
    [
      { entityType: 'kafka-topic' },
      /No SLI template for entity type 'kafka-topic'/,
    ],
    [
      { matchers: 'namespace="spark"} or up{' },
      /Invalid label matchers for component:default\/daily-sales-etl/,
    ],
    [{ identity: {} }, /Cannot build the SLI of .*needs 'sparkAppName'/],
    [{ identity: { sparkAppName: 'a"b' } }, /may only contain/],
    [{ objective: 100.5 }, /Invalid SLO objective/],
    [{ period: '1 month' }, /Invalid window '1 month'/],
  ])('rejects bad input %j', (override, message) => {
    expect(() => generateSloRules({ ...input, ...override })).toThrow(message);
  });
});

describe('YAML output', () => {
  const rules = generateSloRules(input);

  it('writes a rules file that reads back to the same groups', () => {
    expect(parse(toRulesFileYaml(rules))).toEqual(
      JSON.parse(JSON.stringify(rules)),
    );
  });

  it('wraps the same groups in a PrometheusRule resource', () => {
    const resource = parse(
      toPrometheusRuleYaml(rules, {
        name: toResourceName('slo component:default/daily-sales-etl prod'),
        namespace: 'monitoring',
        labels: { release: 'kube-prometheus-stack' },
      }),
    );
    expect(resource).toEqual({
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata: {
        name: 'slo-component-default-daily-sales-etl-prod',
        namespace: 'monitoring',
        labels: {
          'app.kubernetes.io/managed-by': 'backstage-dataops',
          release: 'kube-prometheus-stack',
        },
      },
      spec: parse(toRulesFileYaml(rules)),
    });
  });

  it('refuses names Kubernetes would refuse', () => {
    expect(() => toPrometheusRule(rules, { name: 'Bad_Name' })).toThrow(
      /Invalid PrometheusRule name/,
    );
    expect(() =>
      toPrometheusRule(rules, { name: 'ok', namespace: 'Bad NS' }),
    ).toThrow(/Invalid namespace/);
    expect(() => toResourceName('***')).toThrow(
      /Cannot derive a resource name/,
    );
  });
});
