import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Examples shown in the installed-actions page; the test runs each of them. */
export const examples: TemplateExample[] = [
  {
    description:
      'Annotate the Spark job in catalog-info.yaml, with a prod-only Argo CD application',
    example: stringify({
      steps: [
        {
          id: 'annotate',
          action: 'dataops:catalog:annotate',
          name: 'Annotate catalog entity',
          input: {
            annotations: {
              'dataops.io/environments': 'dev,prod',
              'dataops.io/spark-app-name': 'daily-sales-etl',
              'dataops.io/prometheus-selector':
                'namespace="spark",app="daily-sales-etl"',
              'dataops.io/slo-objective': '99.9',
              'argocd/app-name': 'daily-sales-etl',
              'argocd/app-name.prod': 'daily-sales-etl-prod',
              'backstage.io/kubernetes-id': 'daily-sales-etl',
            },
          },
        },
      ],
    }),
  },
  {
    description: 'Pick one entity of a multi-document file by kind and name',
    example: stringify({
      steps: [
        {
          id: 'annotate',
          action: 'dataops:catalog:annotate',
          name: 'Annotate catalog entity',
          input: {
            path: 'catalog/tables.yaml',
            kind: 'Resource',
            name: 'sales-daily-orders',
            annotations: {
              'dataops.io/iceberg-table': 'sales.daily_orders',
              'dataops.io/slo-window': '28d',
            },
          },
        },
      ],
    }),
  },
  {
    description: 'Create the catalog file of an Airflow DAG that has none yet',
    example: stringify({
      steps: [
        {
          id: 'annotate',
          action: 'dataops:catalog:annotate',
          name: 'Create catalog entity',
          input: {
            kind: 'Component',
            name: 'sales-daily-pipeline',
            type: 'airflow-dag',
            owner: 'group:default/sales-data',
            annotations: {
              'dataops.io/airflow-dag-id': 'sales_daily_pipeline',
              'dataops.io/opensearch-index': 'logs-airflow-*',
            },
          },
        },
      ],
    }),
  },
];
