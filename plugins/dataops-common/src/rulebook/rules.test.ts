import { ANNOTATIONS, AnnotationName } from '../annotations';
import { ANNOTATION_RULES } from './rules';
import type { EnvironmentRules } from './types';

/** An exact message, or any message matching a pattern. */
function messageLike(message: string | RegExp) {
  return typeof message === 'string' ? message : expect.stringMatching(message);
}

const CONFIGURED: EnvironmentRules[] = [
  { name: 'dev' },
  { name: 'stage' },
  { name: 'prod' },
];

type Accepted = [AnnotationName, string, unknown];
type Rejected = [AnnotationName, string, string | RegExp];

describe('ANNOTATION_RULES', () => {
  it('has one rule per annotation key, under the key it checks', () => {
    expect(Object.keys(ANNOTATION_RULES).sort()).toEqual(
      Object.keys(ANNOTATIONS).sort(),
    );
    for (const [name, rule] of Object.entries(ANNOTATION_RULES)) {
      expect(rule.key).toBe(ANNOTATIONS[name as AnnotationName]);
    }
  });

  it('lets every key but dataops.io/environments and backstage.io/kubernetes-id be overridden', () => {
    const fixed = Object.values(ANNOTATION_RULES)
      .filter(rule => !rule.overridable)
      .map(rule => rule.key);
    expect(fixed).toEqual([
      'dataops.io/environments',
      'backstage.io/kubernetes-id',
    ]);
  });

  it.each<Accepted>([
    ['environments', 'dev,stage, prod', ['dev', 'stage', 'prod']],
    ['environments', ' prod ', ['prod']],
    [
      'prometheusSelector',
      'namespace="spark",app=~"daily-.*"',
      [
        { name: 'namespace', op: '=', value: 'spark' },
        { name: 'app', op: '=~', value: 'daily-.*' },
      ],
    ],
    ['opensearchIndex', 'logs-spark-*', 'logs-spark-*'],
    ['opensearchIndex', '*', '*'],
    ['opensearchIndex', '*-spark', '*-spark'],
    [
      'opensearchFilter',
      'kubernetes.labels.app:etl, url:http://x',
      [
        { field: 'kubernetes.labels.app', value: 'etl' },
        { field: 'url', value: 'http://x' },
      ],
    ],
    ['opensearchFilter', ',', []],
    ['argocdAppName', 'daily-sales-etl.prod', 'daily-sales-etl.prod'],
    ['argocdAppSelector', 'team=sales', 'team=sales'],
    [
      'argocdAppSelector',
      'tier in (batch, stream),!legacy',
      'tier in (batch, stream),!legacy',
    ],
    ['sloObjective', '99.9', 99.9],
    ['sloObjective', '99.5%', 99.5],
    ['sloObjective', '100', 100],
    ['sloWindow', '30d', 30 * 86400],
    ['sloWindow', '6h', 6 * 3600],
    ['sloWindow', '90d', 90 * 86400],
    ['sloWindow', '12w', 84 * 86400],
    ['airflowDagId', 'sales_daily', 'sales_daily'],
    ['airflowDagId', 'team/sales:daily.v2', 'team/sales:daily.v2'],
    ['sparkAppName', 'daily-sales-etl', 'daily-sales-etl'],
    [
      'icebergTable',
      'sales.daily_orders',
      { namespace: ['sales'], table: 'daily_orders' },
    ],
    [
      'storage',
      's3:sales-lake,hive:metastore,oracle:SALES_TS,ceph:rbd-warehouse',
      [
        { kind: 's3', name: 'sales-lake' },
        { kind: 'hive', name: 'metastore' },
        { kind: 'oracle', name: 'SALES_TS' },
        { kind: 'ceph', name: 'rbd-warehouse' },
      ],
    ],
    ['kubernetesId', 'daily-sales-etl', 'daily-sales-etl'],
    ['kubernetesId', 'Sales_ETL.v2', 'Sales_ETL.v2'],
  ])('%s accepts %j', (name, value, expected) => {
    expect(
      ANNOTATION_RULES[name].validate(value, { environments: CONFIGURED }),
    ).toEqual({ ok: true, value: expected });
  });

  it.each<Rejected>([
    ['environments', ' , ', 'names no environment'],
    [
      'environments',
      'dev,qa',
      "environment 'qa' is not configured (configured: dev, stage, prod)",
    ],
    [
      'environments',
      'q a,x!',
      "'q a' is not a valid environment name; 'x!' is not a valid environment name",
    ],
    [
      'prometheusSelector',
      'namespace="spark"} or vector(1',
      /invalid selector .*syntax error|only comma separated label matchers/,
    ],
    ['prometheusSelector', '__name__="up"', /label '__name__' is reserved/],
    ['prometheusSelector', 'up{job="x"}', /invalid selector/],
    [
      'opensearchIndex',
      'logs-*,secrets-*',
      "'logs-*,secrets-*' is not a single lowercase index pattern (at most 255 letters, digits, * . _ -; no lists, exclusions or remote clusters)",
    ],
    ['opensearchIndex', '-logs', /is not a single lowercase index pattern/],
    ['opensearchIndex', 'remote:logs', /is not a single lowercase/],
    ['opensearchIndex', 'Logs-*', /is not a single lowercase/],
    ['opensearchIndex', `l${'o'.repeat(255)}`, /is not a single lowercase/],
    ['opensearchFilter', 'app=etl', "'app=etl' is not field:value"],
    ['opensearchFilter', 'app:', "'app:' is not field:value"],
    [
      'argocdAppName',
      'Daily_Sales',
      "'Daily_Sales' is not a valid Argo CD application name (lowercase letters, digits, '-' and '.')",
    ],
    ['argocdAppName', '-etl', /not a valid Argo CD application name/],
    [
      'argocdAppSelector',
      'team=sales;rm',
      /^'team=sales;rm' is not a label selector requirement/,
    ],
    ['argocdAppSelector', 'tier in (batch', /unbalanced parentheses/],
    [
      'sloObjective',
      '150',
      "Invalid SLO objective '150': expected a percentage greater than 0 and at most 100",
    ],
    ['sloObjective', '0', /greater than 0 and at most 100/],
    ['sloObjective', 'high', /expected a percentage such as 99\.9/],
    ['sloWindow', '30 days', /^Invalid window '30 days': expected a positive/],
    ['sloWindow', '91d', /^Invalid SLO period '91d': at most 90d/],
    ['sloWindow', '1h', /^Invalid SLO period '1h': at least 6h/],
    [
      'airflowDagId',
      'sales"daily',
      `value 'sales"daily' for 'dataops.io/airflow-dag-id' may only contain letters, digits and _ . : / - (max 253 characters)`,
    ],
    ['sparkAppName', 'a b', /may only contain/],
    ['icebergTable', 'sales.daily orders', /may only contain/],
    [
      'icebergTable',
      'daily_orders',
      "'daily_orders' is not of the form namespace.table",
    ],
    [
      'storage',
      's3:sales-lake,nfs:x',
      "'nfs:x' has unknown storage kind 'nfs' (known: s3, hive, oracle, ceph)",
    ],
    ['storage', 'minio:lake', /a MinIO bucket is 's3:<bucket>'/],
    ['storage', 'isilon:share', /unknown storage kind 'isilon'/],
    ['storage', 'iceberg:sales.orders', /unknown storage kind 'iceberg'/],
    ['storage', 'sales-lake', "'sales-lake' is not kind:name"],
    [
      'storage',
      Array.from({ length: 21 }, (_, i) => `s3:b${i}`).join(','),
      'lists 21 storage items; at most 20 are allowed',
    ],
    [
      'kubernetesId',
      'daily sales',
      "'daily sales' is not a valid Kubernetes label value (at most 63 letters, digits, '-', '_' and '.', beginning and ending with a letter or digit)",
    ],
    ['kubernetesId', 'etl-', /not a valid Kubernetes label value/],
    ['kubernetesId', 'x'.repeat(64), /not a valid Kubernetes label value/],
  ])('%s rejects %j', (name, value, message) => {
    const verdict = ANNOTATION_RULES[name].validate(value, {
      environments: CONFIGURED,
    });
    expect(verdict).toEqual({
      ok: false,
      problem: {
        annotation: ANNOTATIONS[name],
        message: messageLike(message),
      },
    });
  });

  it('names the key as written, e.g. an override, in the problem', () => {
    expect(
      ANNOTATION_RULES.storage.validate('nfs:x', {
        key: 'dataops.io/storage.prod',
      }),
    ).toMatchObject({
      ok: false,
      problem: { annotation: 'dataops.io/storage.prod' },
    });
  });

  it('checks environment names for syntax only when none are configured', () => {
    expect(ANNOTATION_RULES.environments.validate('qa')).toEqual({
      ok: true,
      value: ['qa'],
    });
    expect(ANNOTATION_RULES.environments.validate('q a')).toMatchObject({
      ok: false,
      problem: { message: "'q a' is not a valid environment name" },
    });
  });
});
