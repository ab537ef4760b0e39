import { Entity } from '@backstage/catalog-model';
import {
  AlertsData,
  DeploymentsData,
  EntityViewResponse,
  LogsData,
  MetricsData,
  SummaryData,
} from '@dataops-observability/plugin-dataops-common';

export const sparkJob: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'daily-sales-etl',
    namespace: 'default',
    annotations: {
      'dataops.io/environments': 'dev,stage,prod',
      'dataops.io/prometheus-selector':
        'namespace="spark",app="daily-sales-etl"',
      'dataops.io/opensearch-index': 'logs-spark-*',
      'argocd/app-name': 'daily-sales-etl',
      'argocd/app-name.prod': 'daily-sales-etl-prod',
    },
  },
  spec: { type: 'spark-job', owner: 'sales-data', lifecycle: 'production' },
};

/** The same Spark job naming its storage too, as the example catalog has it: every DataOps tab applies to it. */
export const sparkJobWithStorage: Entity = {
  ...sparkJob,
  metadata: {
    ...sparkJob.metadata,
    annotations: {
      ...sparkJob.metadata.annotations,
      'dataops.io/storage': 's3:sales-lake,hive:metastore',
    },
  },
};

/** A service the suite does not cover: no DataOps type, no annotation. */
export const plainService: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'web-shop', namespace: 'default' },
  spec: { type: 'service', owner: 'shop', lifecycle: 'production' },
};

/** An Iceberg table: in scope, but has no logs index nor Argo CD app. */
export const icebergTable: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'sales-daily-orders',
    namespace: 'default',
    annotations: { 'dataops.io/iceberg-table': 'sales.daily_orders' },
  },
  spec: { type: 'iceberg-table', owner: 'sales-data' },
};

const ENTITY_REF = 'component:default/daily-sales-etl';

export const summaryResponse: EntityViewResponse<SummaryData> = {
  entityRef: ENTITY_REF,
  environments: [
    {
      env: 'dev',
      status: 'ok',
      data: {
        areas: {
          metrics: { level: 'healthy', reason: 'all 6 panels within target' },
          logs: { level: 'healthy', reason: '2 errors in 6 h' },
          deployments: { level: 'healthy', reason: 'Synced and Healthy' },
          slo: { level: 'healthy', reason: '92% of budget left' },
          storage: {
            level: 'unknown',
            reason: 'iceberg exporter not collected',
          },
          alerts: { level: 'healthy', reason: 'no active alerts' },
          runs: { level: 'healthy', reason: '1 of 1 healthy' },
        },
      },
    },
    {
      env: 'stage',
      status: 'ok',
      data: {
        areas: {
          metrics: { level: 'warning', reason: 'GC time 14% (target < 10%)' },
          logs: { level: 'healthy', reason: 'no errors' },
          deployments: { level: 'critical', reason: 'OutOfSync for 12 min' },
          slo: { level: 'healthy', reason: '80% of budget left' },
          storage: { level: 'healthy', reason: 'S3 error rate 0.01%' },
          alerts: { level: 'warning', reason: '1 P3 alert' },
          runs: { level: 'critical', reason: 'critical: last run scheduled__2026-12-05 (failed)' },
        },
      },
    },
    {
      env: 'prod',
      status: 'error',
      error: {
        type: 'UPSTREAM_TIMEOUT',
        source: 'thanos',
        message: 'Thanos querier did not answer within 10 s',
      },
    },
  ],
};

export const alertsResponse: EntityViewResponse<AlertsData> = {
  entityRef: ENTITY_REF,
  environments: [
    {
      env: 'dev',
      status: 'ok',
      data: {
        alerts: [
          {
            fingerprint: 'a1',
            name: 'SparkJobFailureRateHigh',
            severity: 'critical',
            priority: 'P1',
            state: 'active',
            startsAt: '2026-11-22T10:00:00Z',
            summary: 'Job failure rate 7% over 24 h',
            labels: {},
          },
          {
            fingerprint: 'a2',
            name: 'SparkGcTimeHigh',
            severity: 'warning',
            priority: 'P3',
            state: 'suppressed',
            silencedBy: ['s-1'],
            startsAt: '2026-11-22T09:00:00Z',
            summary: 'GC time 22%',
            labels: {},
          },
        ],
      },
    },
    {
      env: 'stage',
      status: 'ok',
      data: {
        alerts: [
          {
            fingerprint: 'a3',
            name: 'SchedulerLag',
            severity: 'warning',
            priority: 'P3',
            state: 'suppressed',
            inhibitedBy: ['x'],
            startsAt: '2026-11-22T08:00:00Z',
            summary: 'Scheduler lag 45 s',
            labels: {},
          },
        ],
      },
    },
    { env: 'prod', status: 'not-configured', source: 'alertmanager' },
  ],
};

const t0 = Date.parse('2026-11-22T10:00:00Z') / 1000;

export const metricsResponse: EntityViewResponse<MetricsData> = {
  entityRef: ENTITY_REF,
  range: { from: '2026-11-22T09:00:00Z', to: '2026-11-22T11:00:00Z', step: 60 },
  environments: [
    {
      env: 'dev',
      status: 'ok',
      data: {
        panels: [
          {
            id: 'cpu',
            title: 'CPU usage',
            unit: 'percent',
            query:
              'sum(rate(container_cpu_usage_seconds_total{namespace="spark",app="daily-sales-etl"}[5m]))',
            state: 'ok',
            series: [
              {
                labels: { pod: 'driver' },
                points: [
                  [t0, 40],
                  [t0 + 60, 90],
                  [t0 + 120, null],
                ],
              },
            ],
            thresholds: { direction: 'above', warning: 70, critical: 85 },
            level: 'critical',
            lastValue: 90,
          },
          {
            id: 'running',
            title: 'Running executors',
            unit: 'count',
            query: 'count(up{namespace="spark"} == 1)',
            fallback: true,
            state: 'ok',
            series: [
              {
                labels: {},
                points: [
                  [t0, 3],
                  [t0 + 60, 3],
                ],
              },
            ],
            level: 'healthy',
          },
          {
            id: 'kafka-lag',
            title: 'Consumer lag',
            unit: 'count',
            query: 'sum(kafka_consumergroup_lag{namespace="spark"})',
            state: 'not-collected',
            stateReason: 'kafka_consumergroup_lag is not collected in dev',
            series: [],
            level: 'unknown',
          },
        ],
      },
    },
    {
      env: 'stage',
      status: 'ok',
      data: {
        panels: [
          {
            id: 'cpu',
            title: 'CPU usage',
            unit: 'percent',
            query:
              'sum(rate(container_cpu_usage_seconds_total{namespace="spark",app="daily-sales-etl",env="stage"}[5m]))',
            state: 'empty',
            stateReason: 'no samples between 09:00 and 11:00',
            series: [],
            level: 'unknown',
          },
          {
            id: 'running',
            title: 'Running executors',
            unit: 'count',
            query: 'count(kube_pod_status_phase{phase="Running"})',
            state: 'error',
            stateReason: 'query timed out',
            series: [],
            level: 'unknown',
          },
        ],
      },
    },
    {
      env: 'prod',
      status: 'error',
      error: {
        type: 'UPSTREAM_ERROR',
        source: 'thanos',
        message: 'bad gateway',
        statusCode: 502,
      },
    },
  ],
};

export const logsResponse: EntityViewResponse<LogsData> = {
  entityRef: ENTITY_REF,
  environments: [
    {
      env: 'dev',
      status: 'ok',
      data: {
        index: 'logs-spark-*',
        total: 3,
        nextCursor: 'cursor-2',
        histogramInterval: 60_000,
        histogram: [
          { timestamp: t0 * 1000, counts: { error: 1, info: 2 } },
          { timestamp: t0 * 1000 + 60_000, counts: { warn: 1 } },
        ],
        hits: [
          {
            id: 'logs-spark-2026.11.22/abc',
            timestamp: '2026-11-22T10:00:05Z',
            level: 'error',
            message: 'java.lang.OutOfMemoryError: Java heap space',
            fields: {
              'kubernetes.pod.name': 'etl-driver',
              'user.email': '***',
            },
            maskedFields: ['user.email'],
          },
          {
            id: 'logs-spark-2026.11.22/def',
            timestamp: '2026-11-22T10:00:01Z',
            level: 'info',
            message: 'Stage 3 completed',
            fields: { stage: 3 },
          },
        ],
      },
    },
    {
      env: 'prod',
      status: 'error',
      error: {
        type: 'UPSTREAM_TIMEOUT',
        source: 'opensearch',
        message: 'search timed out',
      },
    },
  ],
};

export const deploymentsResponse: EntityViewResponse<DeploymentsData> = {
  entityRef: ENTITY_REF,
  environments: [
    {
      env: 'dev',
      status: 'ok',
      data: {
        applications: [
          {
            instance: 'dev-argocd',
            name: 'daily-sales-etl',
            syncStatus: 'Synced',
            healthStatus: 'Healthy',
            revision: '1a2b3c4d5e6f',
            lastSyncedAt: '2026-11-22T09:55:00Z',
            level: 'healthy',
            history: [
              {
                id: 2,
                revision: '1a2b3c4d5e6f',
                deployedAt: '2026-11-22T09:55:00Z',
              },
              {
                id: 1,
                revision: '0f9e8d7c6b5a',
                deployedAt: '2026-11-21T09:55:00Z',
              },
            ],
          },
        ],
      },
    },
    {
      env: 'stage',
      status: 'ok',
      data: {
        applications: [
          {
            instance: 'stage-argocd',
            name: 'daily-sales-etl',
            syncStatus: 'OutOfSync',
            healthStatus: 'Degraded',
            revision: '9999aaaa',
            lastSyncedAt: '2026-11-22T09:00:00Z',
            outOfSyncSince: '2026-11-22T09:48:00Z',
            level: 'critical',
            operation: {
              phase: 'Failed',
              message: 'one or more objects failed to apply',
            },
            history: [],
          },
        ],
        instanceErrors: [
          {
            instance: 'stage-argocd-2',
            error: {
              type: 'UPSTREAM_ERROR',
              source: 'argocd',
              message: 'unauthorized',
              statusCode: 401,
            },
          },
        ],
      },
    },
    { env: 'prod', status: 'not-configured', source: 'argocd' },
  ],
};
