import type { ExporterProfile } from './types';

const MINIO_V2_DOCS = {
  project: 'minio/docs',
  version: 'metrics v2 list (operations/monitoring/metrics-v2)',
  reference: 'Bucket metrics: /minio/v2/metrics/bucket',
  evidence: 'docs' as const,
};

/** MinIO's metrics v2 bucket endpoint. Latency is a counter family with an `le` label, not `_bucket`. */
export const MINIO_V2: ExporterProfile = {
  id: 'minio-v2',
  layer: 's3',
  exporter: 'MinIO server, metrics v2 (/minio/v2/metrics/bucket)',
  sources: [
    MINIO_V2_DOCS,
    {
      project: 'minio/minio',
      version: 'RELEASE.2024 (cmd/metrics-v2.go)',
      reference: 'bucket metric names as listed in the server tests',
      evidence: 'source',
    },
  ],
  series: [
    {
      name: 'minio_bucket_requests_total',
      type: 'counter',
      labels: ['bucket', 'api', 'server'],
      help: 'S3 requests on a bucket',
    },
    {
      name: 'minio_bucket_requests_4xx_errors_total',
      type: 'counter',
      labels: ['bucket', 'api', 'server'],
      help: 'requests answered 4xx',
    },
    {
      name: 'minio_bucket_requests_5xx_errors_total',
      type: 'counter',
      labels: ['bucket', 'api', 'server'],
      help: 'requests answered 5xx',
    },
    {
      name: 'minio_bucket_requests_ttfb_seconds_distribution',
      type: 'counter',
      labels: ['bucket', 'api', 'le', 'server'],
      help: 'time to first byte, cumulative counts per le',
    },
    {
      name: 'minio_bucket_usage_total_bytes',
      type: 'gauge',
      labels: ['bucket'],
      help: 'bucket size',
    },
    {
      name: 'minio_bucket_quota_total_bytes',
      type: 'gauge',
      labels: ['bucket'],
      help: 'bucket quota',
    },
  ],
  queries: {
    's3-get-latency':
      '1000 * histogram_quantile(0.95, sum by (le) (rate(minio_bucket_requests_ttfb_seconds_distribution{bucket="${bucket}",api="GetObject"}[5m])))',
    's3-put-latency':
      '1000 * histogram_quantile(0.95, sum by (le) (rate(minio_bucket_requests_ttfb_seconds_distribution{bucket="${bucket}",api="PutObject"}[5m])))',
    // Only 5xx count: a 4xx is the client's request being refused (missing object, denied), not MinIO failing.
    's3-error-rate':
      '100 * sum(rate(minio_bucket_requests_5xx_errors_total{bucket="${bucket}"}[5m])) / sum(rate(minio_bucket_requests_total{bucket="${bucket}"}[5m]))',
    's3-capacity':
      '100 * max(minio_bucket_usage_total_bytes{bucket="${bucket}"}) / max(minio_bucket_quota_total_bytes{bucket="${bucket}"})',
  },
};

/** MinIO's metrics v3 (`/minio/metrics/v3/bucket/api` and `/cluster/usage/buckets`); the API is `name`. */
export const MINIO_V3: ExporterProfile = {
  id: 'minio-v3',
  layer: 's3',
  exporter: 'MinIO server, metrics v3 (/minio/metrics/v3)',
  sources: [
    {
      project: 'minio/docs',
      version:
        'metrics-and-alerts at 35f2bb8 (server RELEASE.2024-07-15 and later)',
      reference: '/bucket/api and /cluster/usage/buckets tables',
      evidence: 'docs',
    },
  ],
  series: [
    {
      name: 'minio_bucket_api_total',
      type: 'counter',
      labels: ['bucket', 'name', 'type', 'server', 'pool_index'],
      help: 'requests for a bucket',
    },
    {
      name: 'minio_bucket_api_4xx_errors_total',
      type: 'counter',
      labels: ['bucket', 'name', 'type', 'server', 'pool_index'],
      help: 'requests answered 4xx',
    },
    {
      name: 'minio_bucket_api_5xx_errors_total',
      type: 'counter',
      labels: ['bucket', 'name', 'type', 'server', 'pool_index'],
      help: 'requests answered 5xx',
    },
    {
      name: 'minio_bucket_api_ttfb_seconds_distribution',
      type: 'counter',
      labels: ['bucket', 'name', 'le', 'type', 'server', 'pool_index'],
      help: 'time to first byte, cumulative counts per le',
    },
    {
      name: 'minio_cluster_usage_buckets_total_bytes',
      type: 'gauge',
      labels: ['bucket'],
      help: 'bucket size',
    },
    {
      name: 'minio_cluster_usage_buckets_quota_total_bytes',
      type: 'gauge',
      labels: ['bucket'],
      help: 'bucket quota',
    },
  ],
  queries: {
    's3-get-latency':
      '1000 * histogram_quantile(0.95, sum by (le) (rate(minio_bucket_api_ttfb_seconds_distribution{bucket="${bucket}",name="GetObject"}[5m])))',
    's3-put-latency':
      '1000 * histogram_quantile(0.95, sum by (le) (rate(minio_bucket_api_ttfb_seconds_distribution{bucket="${bucket}",name="PutObject"}[5m])))',
    's3-error-rate':
      '100 * sum(rate(minio_bucket_api_5xx_errors_total{bucket="${bucket}"}[5m])) / sum(rate(minio_bucket_api_total{bucket="${bucket}"}[5m]))',
    's3-capacity':
      '100 * max(minio_cluster_usage_buckets_total_bytes{bucket="${bucket}"}) / max(minio_cluster_usage_buckets_quota_total_bytes{bucket="${bucket}"})',
  },
};

/**
 * Hive metastore metrics (`metastore.metrics.enabled`, JMX reporter) read by the Prometheus JMX exporter
 * with its default rule, which names a Dropwizard MBean `metrics:name=X,type=T` attribute A as
 * `metrics_X_A{type="T"}` (the same rule gives Spark's `metrics_master_aliveWorkers_Value`). Timer values
 * are milliseconds. The metastore publishes no connection pool maximum, so the pool check is not answered.
 */
export const HIVE_METASTORE_JMX: ExporterProfile = {
  id: 'hive-metastore-jmx',
  layer: 'hive',
  exporter: 'Hive metastore Dropwizard metrics via JMX exporter (default rule)',
  sources: [
    {
      project: 'apache/hive',
      version: '3.1 / 4.0 (standalone-metastore MetricsConstants)',
      reference: 'api_<method> timers, open_connections gauge',
      evidence: 'derived',
    },
    {
      project: 'prometheus/jmx_exporter',
      version: '0.20 / 1.x',
      reference:
        'default naming rule domain_name_attribute with further key properties as labels',
      evidence: 'derived',
    },
  ],
  series: [
    {
      name: 'metrics_api_get_table_99thPercentile',
      type: 'gauge',
      labels: ['type'],
      help: 'P99 duration of get_table calls, milliseconds',
    },
    {
      name: 'metrics_open_connections_Count',
      type: 'counter',
      labels: ['type'],
      help: 'open client connections to the metastore (up/down counter)',
    },
  ],
  queries: {
    'hive-response-time': 'max(metrics_api_get_table_99thPercentile) / 1000',
  },
};

/** oracledb_exporter with its default metrics file (`default-metrics.toml`). */
export const ORACLEDB_EXPORTER: ExporterProfile = {
  id: 'oracledb-exporter',
  layer: 'oracle',
  exporter:
    'oracledb_exporter (iamseth / oracle-db-appdev-monitoring), default metrics',
  sources: [
    {
      project: 'iamseth/oracledb_exporter',
      version: '0.6 (default-metrics.toml)',
      reference: 'tablespace, resource and sessions contexts',
      evidence: 'docs',
    },
    {
      project: 'oracle/oracle-db-appdev-monitoring',
      version: '1.x README',
      reference:
        'oracledb_tablespace_bytes, oracledb_resource_current_utilization',
      evidence: 'docs',
    },
  ],
  series: [
    {
      name: 'oracledb_tablespace_bytes',
      type: 'gauge',
      labels: ['tablespace', 'type'],
      help: 'bytes used by a tablespace',
    },
    {
      name: 'oracledb_tablespace_max_bytes',
      type: 'gauge',
      labels: ['tablespace', 'type'],
      help: 'maximum size of a tablespace',
    },
    {
      name: 'oracledb_tablespace_free',
      type: 'gauge',
      labels: ['tablespace', 'type'],
      help: 'free bytes of a tablespace',
    },
    {
      name: 'oracledb_resource_current_utilization',
      type: 'gauge',
      labels: ['resource_name'],
      help: 'current use of a v$resource_limit resource (sessions, processes...)',
    },
    {
      name: 'oracledb_resource_limit_value',
      type: 'gauge',
      labels: ['resource_name'],
      help: 'limit of a v$resource_limit resource',
    },
    {
      name: 'oracledb_up',
      type: 'gauge',
      labels: [],
      help: '1 when the exporter reaches the database',
    },
  ],
  queries: {
    'oracle-tablespace':
      '100 * max(oracledb_tablespace_bytes{tablespace="${tablespace}"}) / max(oracledb_tablespace_max_bytes{tablespace="${tablespace}"})',
    // The database's session limit is the pool every client shares; v$resource_limit publishes both sides.
    'oracle-connection-pool':
      '100 * max(oracledb_resource_current_utilization{resource_name="sessions"}) / max(oracledb_resource_limit_value{resource_name="sessions"})',
  },
  titles: { 'oracle-connection-pool': 'Sessions used' },
};

/**
 * The ceph-mgr `prometheus` module. Pool series carry `pool_id` only; the pool name is on
 * `ceph_pool_metadata`, so the queries join on it.
 */
export const CEPH_MGR: ExporterProfile = {
  id: 'ceph-mgr',
  layer: 'ceph',
  exporter: 'ceph-mgr prometheus module',
  sources: [
    {
      project: 'ceph/ceph',
      version: 'reef / squid (src/pybind/mgr/prometheus/module.py)',
      reference:
        'ceph_health_status, ceph_pool_stored, ceph_pool_max_avail, ceph_pool_metadata',
      evidence: 'docs',
    },
  ],
  series: [
    {
      name: 'ceph_health_status',
      type: 'gauge',
      labels: [],
      help: '0 OK, 1 WARN, 2 ERR',
    },
    {
      name: 'ceph_pool_stored',
      type: 'gauge',
      labels: ['pool_id'],
      help: 'bytes stored in a pool',
    },
    {
      name: 'ceph_pool_max_avail',
      type: 'gauge',
      labels: ['pool_id'],
      help: 'bytes still writable to a pool',
    },
    {
      name: 'ceph_pool_metadata',
      type: 'gauge',
      labels: ['pool_id', 'name'],
      help: 'pool id to name',
    },
    {
      name: 'ceph_cluster_total_bytes',
      type: 'gauge',
      labels: [],
      help: 'raw cluster capacity',
    },
    {
      name: 'ceph_cluster_total_used_bytes',
      type: 'gauge',
      labels: [],
      help: 'raw capacity used',
    },
  ],
  queries: {
    'ceph-health': 'max(ceph_health_status)',
    'ceph-pool-capacity':
      '100 * max(ceph_pool_stored * on (pool_id) group_left (name) ceph_pool_metadata{name="${pool}"}) / (max(ceph_pool_stored * on (pool_id) group_left (name) ceph_pool_metadata{name="${pool}"}) + max(ceph_pool_max_avail * on (pool_id) group_left (name) ceph_pool_metadata{name="${pool}"}))',
    'ceph-cluster-capacity':
      '100 * max(ceph_cluster_total_used_bytes) / max(ceph_cluster_total_bytes)',
  },
};
