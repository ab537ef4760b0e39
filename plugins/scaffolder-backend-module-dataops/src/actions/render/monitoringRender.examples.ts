import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Examples shown in the installed-actions page; the test runs each of them. */
export const examples: TemplateExample[] = [
  {
    description: 'Spark job in dev and prod with the default thresholds',
    example: stringify({
      steps: [
        {
          id: 'render',
          action: 'dataops:monitoring:render',
          name: 'Render monitoring bundle',
          input: {
            entityRef: 'component:default/daily-sales-etl',
            type: 'spark-job',
            namespace: 'spark',
            owner: 'group:default/sales-data',
            environments: ['dev', 'prod'],
            selector: 'namespace="spark",app="daily-sales-etl"',
            identity: 'daily-sales-etl',
            logIndex: 'logs-spark-*',
          },
        },
      ],
    }),
  },
  {
    description:
      'Airflow DAG with a 99.5% objective and a tighter scheduler lag',
    example: stringify({
      steps: [
        {
          id: 'render',
          action: 'dataops:monitoring:render',
          name: 'Render monitoring bundle',
          input: {
            entityRef: 'component:default/sales-daily-pipeline',
            type: 'airflow-dag',
            namespace: 'airflow',
            owner: 'sales-data',
            environments: ['dev', 'stage', 'prod'],
            sloObjective: 99.5,
            identity: 'sales_daily_pipeline',
            thresholds: { schedulerLagSeconds: 20, dagSuccessPercent: 98 },
            logIndex: 'logs-airflow-*',
            logHotDays: 3,
            logRetentionDays: 14,
          },
        },
      ],
    }),
  },
  {
    description: 'Iceberg table in prod, operator labels on the resources',
    example: stringify({
      steps: [
        {
          id: 'render',
          action: 'dataops:monitoring:render',
          name: 'Render monitoring bundle',
          input: {
            entityRef: 'resource:default/sales-daily-orders',
            type: 'iceberg-table',
            namespace: 'iceberg',
            owner: 'group:default/sales-data',
            environments: ['prod'],
            identity: 'sales.daily_orders',
            thresholds: { snapshotCount: 50 },
            resourceLabels: { release: 'kube-prometheus-stack' },
            targetPath: 'monitoring/tables/sales-daily-orders',
          },
        },
      ],
    }),
  },
];
