import type { Entity } from '@backstage/catalog-model';
import { checkAnnotation, validateAnnotations } from './validateAnnotations';
import type { AnnotationValidationOptions } from './types';

const CONFIGURED: AnnotationValidationOptions = {
  environments: [
    { name: 'dev', allowedIndexPatterns: ['logs-*'] },
    { name: 'stage' },
    { name: 'prod', allowedIndexPatterns: ['logs-spark-*'] },
  ],
};

const VALID: Record<string, string> = {
  'dataops.io/environments': 'dev,stage,prod',
  'dataops.io/prometheus-selector': 'namespace="spark",app=~"daily-.*"',
  'dataops.io/opensearch-index': 'logs-spark-*',
  'dataops.io/opensearch-filter': 'kubernetes.labels.app:daily-sales-etl',
  'dataops.io/slo-objective': '99.9',
  'dataops.io/slo-objective.prod': '99.95',
  'dataops.io/slo-window': '30d',
  'dataops.io/spark-app-name': 'daily-sales-etl',
  'dataops.io/airflow-dag-id': 'sales_daily',
  'dataops.io/iceberg-table': 'sales.daily_orders',
  'dataops.io/storage': 's3:sales-lake,oracle:SALES_TS,hive:metastore',
  'argocd/app-name': 'daily-sales-etl',
  'argocd/app-name.prod': 'daily-sales-etl-prod',
  'argocd/app-selector.stage': 'team=sales,tier in (batch,stream)',
  'argocd/project-name': 'not ours, never checked',
  'backstage.io/kubernetes-id': 'daily-sales-etl',
};

function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'daily-sales-etl', annotations },
    spec: { type: 'spark-job', owner: 'sales-data' },
  };
}

describe('validateAnnotations', () => {
  it('accepts a fully annotated entity or annotations map, with and without configured environments', () => {
    expect(validateAnnotations(entity(VALID), CONFIGURED)).toEqual([]);
    expect(validateAnnotations(entity(VALID))).toEqual([]);
    expect(validateAnnotations(VALID, CONFIGURED)).toEqual([]);
    expect(validateAnnotations(entity({}))).toEqual([]);
  });

  it('gives the same answer for an entity and its annotations map', () => {
    const bad = { ...VALID, 'dataops.io/storage': 'nfs:x', 'x.io/y': 'z' };
    expect(validateAnnotations(bad, CONFIGURED)).toEqual(
      validateAnnotations(entity(bad), CONFIGURED),
    );
  });

  it('reports one problem per mistake, naming the key as written', () => {
    expect(
      validateAnnotations(
        {
          'dataops.io/slo-objective': '101',
          'dataops.io/slo-window.prod': 'month',
          'argocd/app-name': '-x',
          'argocd/app-name.qa': 'x',
          'dataops.io/storage': 'minio:lake',
        },
        CONFIGURED,
      ),
    ).toEqual([
      {
        annotation: 'dataops.io/slo-objective',
        message: expect.stringMatching(/^Invalid SLO objective '101'/),
      },
      {
        annotation: 'dataops.io/slo-window.prod',
        message: expect.stringMatching(/^Invalid window 'month'/),
      },
      {
        annotation: 'argocd/app-name',
        message: expect.stringMatching(/not a valid Argo CD application name/),
      },
      {
        annotation: 'argocd/app-name.qa',
        message:
          "environment 'qa' is not configured (configured: dev, stage, prod)",
      },
      {
        annotation: 'dataops.io/storage',
        message: expect.stringMatching(/unknown storage kind 'minio'/),
      },
    ]);
  });

  it('skips blank values but still checks their keys', () => {
    expect(
      validateAnnotations(
        entity({
          'dataops.io/slo-objective.prod': '  ',
          'dataops.io/storage': '',
          'dataops.io/slo-objective.qa': ' ',
        }),
        CONFIGURED,
      ),
    ).toEqual([
      {
        annotation: 'dataops.io/slo-objective.qa',
        message: expect.stringMatching(/environment 'qa' is not configured/),
      },
    ]);
  });

  it('leaves other plugins keys alone unless asked to reject them', () => {
    const foreign = {
      'argocd/project-name': 'x',
      'backstage.io/techdocs-ref': 'dir:.',
    };
    expect(validateAnnotations(foreign)).toEqual([]);
    expect(
      validateAnnotations(foreign, { rejectForeignKeys: true }).map(
        p => p.annotation,
      ),
    ).toEqual(['argocd/project-name', 'backstage.io/techdocs-ref']);
  });

  describe('index pattern allow-lists', () => {
    it('checks the plain pattern in every environment the entity runs in that has OpenSearch', () => {
      expect(
        validateAnnotations(
          entity({ 'dataops.io/opensearch-index': 'logs-airflow-*' }),
          CONFIGURED,
        ),
      ).toEqual([
        {
          annotation: 'dataops.io/opensearch-index',
          message:
            "index pattern 'logs-airflow-*' is not inside the allowed patterns of environment 'prod' (logs-spark-*)",
        },
      ]);
    });

    it('checks an override against its own environment and lets it replace the plain pattern there', () => {
      expect(
        validateAnnotations(
          entity({
            'dataops.io/opensearch-index': 'logs-airflow-*',
            'dataops.io/opensearch-index.prod': 'logs-spark-airflow-*',
          }),
          CONFIGURED,
        ),
      ).toEqual([]);
      expect(
        validateAnnotations(
          entity({ 'dataops.io/opensearch-index.dev': 'audit-*' }),
          CONFIGURED,
        ),
      ).toEqual([
        {
          annotation: 'dataops.io/opensearch-index.dev',
          message:
            "index pattern 'audit-*' is not inside the allowed patterns of environment 'dev' (logs-*)",
        },
      ]);
    });

    it('skips environments the entity does not run in, and malformed patterns already reported', () => {
      expect(
        validateAnnotations(
          entity({
            'dataops.io/environments': 'dev,stage',
            'dataops.io/opensearch-index': 'logs-airflow-*',
          }),
          CONFIGURED,
        ),
      ).toEqual([]);
      expect(
        validateAnnotations(
          entity({ 'dataops.io/opensearch-index': 'Logs' }),
          CONFIGURED,
        ).map(p => p.message),
      ).toEqual([
        expect.stringMatching(/is not a single lowercase index pattern/),
      ]);
    });
  });
});

describe('checkAnnotation', () => {
  it.each([
    ['dataops.io/storage', 's3:lake'],
    ['dataops.io/storage.prod', 'ceph:pool'],
    ['argocd/project-name', 'anything'],
    ['dataops.io/storage', '  '],
  ])('accepts %s: %j', (key, value) => {
    expect(checkAnnotation(key, value, CONFIGURED)).toBeUndefined();
  });

  it.each([
    ['dataops.io/storage', 'nfs:x', /unknown storage kind 'nfs'/],
    ['dataops.io/unknown', 'x', /^unknown annotation/],
    ['dataops.io/storage.qa', 's3:lake', /environment 'qa' is not configured/],
  ])('reports %s: %j', (key, value, message) => {
    expect(checkAnnotation(key, value, CONFIGURED)).toEqual({
      annotation: key,
      message: expect.stringMatching(message),
    });
  });
});
