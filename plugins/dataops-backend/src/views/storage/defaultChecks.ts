import type { Thresholds } from '@dataops-observability/plugin-dataops-common';

/** Storage kinds of `dataops.io/storage` (`kind:name`), plus `iceberg` for `dataops.io/iceberg-table`. */
export const STORAGE_KINDS = ['s3', 'hive', 'oracle', 'ceph'] as const;
export type StorageKind = (typeof STORAGE_KINDS)[number] | 'iceberg';

/** The identity placeholder each kind's name fills in query templates (docs/metrics-catalogue.md labels). */
export const IDENTITY_OF: Record<StorageKind, string> = {
  iceberg: 'table',
  s3: 'bucket',
  hive: 'metastore',
  oracle: 'tablespace',
  ceph: 'pool',
};

/** Table statistics an Iceberg REST catalog answers directly, preferred over the exporter when configured. */
export type CatalogStatistic = 'snapshots' | 'data-files' | 'last-commit-age';

export interface AdviceInput {
  /** The storage object's name, e.g. `marketing.web_sessions` or `sales-lake`. */
  name: string;
  sparkCatalog: string;
}

export interface StorageCheckDefinition {
  id: string;
  kind: StorageKind;
  title: string;
  unit: string;
  /** PromQL template; `${table}`, `${bucket}`, `${tablespace}`, `${pool}` are filled from the annotation. */
  query: string;
  thresholds?: Thresholds;
  catalogStatistic?: CatalogStatistic;
  /** What to do when the check is warning or critical. */
  advice(input: AdviceInput): string;
}

const expireSnapshots = ({ name, sparkCatalog }: AdviceInput) =>
  `CALL ${sparkCatalog}.system.expire_snapshots(table => '${name}', retain_last => 50)`;
const rewriteDataFiles = ({ name, sparkCatalog }: AdviceInput) =>
  `CALL ${sparkCatalog}.system.rewrite_data_files(table => '${name}')`;

/**
 * Defaults after docs/platform-rules.md, layers 3 and 5; metric names of docs/metrics-catalogue.md. Where the
 * platform gives a target and an alert, missing the target is a warning and the alert's threshold is its
 * severity. Iceberg tables have targets only; we call 20 % beyond the target critical, so a table that keeps
 * growing is flagged before queries slow down. docs/storage.md lists the same; keep both in step.
 */
export const DEFAULT_CHECKS: StorageCheckDefinition[] = [
  {
    id: 'iceberg-snapshots',
    kind: 'iceberg',
    title: 'Snapshots',
    unit: 'snapshots',
    query: 'max(iceberg_table_snapshots{table="${table}"})',
    thresholds: { direction: 'above', warning: 100, critical: 120 },
    catalogStatistic: 'snapshots',
    advice: i =>
      `Expire old snapshots (the nightly maintenance DAG may be failing): ${expireSnapshots(
        i,
      )}`,
  },
  {
    id: 'iceberg-small-files',
    kind: 'iceberg',
    title: 'Small-file ratio',
    unit: '%',
    query:
      '100 * max(iceberg_table_small_files{table="${table}"}) / max(iceberg_table_data_files{table="${table}"})',
    thresholds: { direction: 'above', warning: 30, critical: 36 },
    advice: i =>
      `Compact small files, then expire the replaced snapshots: ${rewriteDataFiles(
        i,
      )}; ${expireSnapshots(
        i,
      )}. If writers append tiny batches, raise write.target-file-size-bytes or batch upstream.`,
  },
  {
    id: 'iceberg-metadata-size',
    kind: 'iceberg',
    title: 'Metadata size',
    unit: 'bytes',
    query: 'max(iceberg_table_metadata_bytes{table="${table}"})',
    advice: i =>
      `Shrink metadata: ${expireSnapshots(i)}; CALL ${
        i.sparkCatalog
      }.system.rewrite_manifests('${
        i.name
      }'); set write.metadata.delete-after-commit.enabled=true.`,
  },
  {
    id: 'iceberg-data-files',
    kind: 'iceberg',
    title: 'Data files',
    unit: 'files',
    query: 'max(iceberg_table_data_files{table="${table}"})',
    catalogStatistic: 'data-files',
    advice: i => `Compact data files: ${rewriteDataFiles(i)}`,
  },
  {
    id: 'iceberg-last-commit-age',
    kind: 'iceberg',
    title: 'Last commit age',
    unit: 's',
    query:
      'time() - max(iceberg_table_last_commit_timestamp_seconds{table="${table}"})',
    catalogStatistic: 'last-commit-age',
    // Thresholds come from dataops.storage.freshnessTargetSeconds (see resolveChecks).
    advice: i =>
      `No commit to ${i.name} within the freshness target: check the last runs and logs of the Spark job or Airflow DAG that writes it, and whether it is waiting on the Hive metastore or S3.`,
  },
  {
    id: 's3-get-latency',
    kind: 's3',
    title: 'GET latency P95',
    unit: 'ms',
    query:
      '1000 * histogram_quantile(0.95, sum by (le) (rate(minio_bucket_requests_ttfb_seconds_bucket{bucket="${bucket}",api="GetObject"}[5m])))',
    thresholds: { direction: 'above', warning: 100 },
    advice: i =>
      `Slow reads from ${i.name}: check MinIO drive health (mc admin info shows offline or slow drives), node load on the storage cluster and the network from the compute cluster.`,
  },
  {
    id: 's3-put-latency',
    kind: 's3',
    title: 'PUT latency P95',
    unit: 'ms',
    query:
      '1000 * histogram_quantile(0.95, sum by (le) (rate(minio_bucket_requests_ttfb_seconds_bucket{bucket="${bucket}",api="PutObject"}[5m])))',
    thresholds: { direction: 'above', warning: 100 },
    advice: i =>
      `Slow writes to ${i.name}: check MinIO drive health (mc admin info), healing in progress (mc admin heal) and erasure-set disk usage.`,
  },
  {
    id: 's3-error-rate',
    kind: 's3',
    title: 'Request error rate',
    unit: '%',
    query:
      '100 * sum(rate(minio_bucket_requests_errors_total{bucket="${bucket}"}[5m])) / sum(rate(minio_bucket_requests_total{bucket="${bucket}"}[5m]))',
    thresholds: { direction: 'above', warning: 0.1, critical: 1 },
    advice: i =>
      `Failing requests on ${i.name}: check MinIO drive health (mc admin info for offline drives, mc admin heal -r <alias>/${i.name}) and the MinIO server logs for 5xx causes; 403s point at expired credentials of the writing job.`,
  },
  {
    id: 's3-capacity',
    kind: 's3',
    title: 'Capacity used',
    unit: '%',
    query:
      '100 * max(minio_bucket_usage_total_bytes{bucket="${bucket}"}) / max(minio_bucket_quota_total_bytes{bucket="${bucket}"})',
    thresholds: { direction: 'above', warning: 80, critical: 85 },
    advice: i =>
      `Bucket ${i.name} is filling up: raise its quota (mc quota set), add lifecycle expiry for old objects, and run expire_snapshots and remove_orphan_files on the Iceberg tables stored in it.`,
  },
  {
    id: 'hive-response-time',
    kind: 'hive',
    title: 'Metastore response time P99',
    unit: 's',
    query: 'max(hive_metastore_response_time_seconds{quantile="0.99"})',
    thresholds: { direction: 'above', warning: 1 },
    advice: () =>
      'Slow Hive metastore: check the load and slow queries of its backing database, the metastore JVM heap and GC, and add metastore replicas if calls queue.',
  },
  {
    id: 'hive-connection-pool',
    kind: 'hive',
    title: 'Metastore connection pool',
    unit: '%',
    query:
      '100 * max(hive_metastore_connection_pool_active) / max(hive_metastore_connection_pool_max)',
    thresholds: { direction: 'above', warning: 80 },
    advice: () =>
      'Metastore connection pool nearly exhausted: look for clients holding connections (long Spark jobs, leaked sessions) and raise datanucleus.connectionPool.maxPoolSize if the database can take it.',
  },
  {
    id: 'oracle-tablespace',
    kind: 'oracle',
    title: 'Tablespace used',
    unit: '%',
    query:
      '100 * max(oracledb_tablespace_bytes{tablespace="${tablespace}"}) / max(oracledb_tablespace_max_bytes{tablespace="${tablespace}"})',
    thresholds: { direction: 'above', warning: 85, critical: 90 },
    advice: i =>
      `Tablespace ${i.name} is filling up: add a datafile (ALTER TABLESPACE ${i.name} ADD DATAFILE SIZE 32G AUTOEXTEND ON NEXT 1G MAXSIZE UNLIMITED;) or free space (PURGE TABLESPACE ${i.name}; drop or archive old partitions).`,
  },
  {
    id: 'oracle-connection-pool',
    kind: 'oracle',
    title: 'Connection pool',
    unit: '%',
    query:
      '100 * max(oracledb_connection_pool_used) / max(oracledb_connection_pool_max)',
    thresholds: { direction: 'above', warning: 90 },
    advice: () =>
      'Oracle connection pool nearly exhausted: find idle or long-running sessions in v$session and the jobs holding them, then raise the pool maximum if the database can take it.',
  },
  {
    id: 'oracle-query-duration',
    kind: 'oracle',
    title: 'Query duration P99',
    unit: 's',
    query: 'max(oracledb_query_duration_seconds{quantile="0.99"})',
    thresholds: { direction: 'above', warning: 5 },
    advice: () =>
      'Slow Oracle queries: look at the top SQL of the period (AWR / v$sql), stale optimizer statistics (DBMS_STATS.GATHER_SCHEMA_STATS) and missing indexes.',
  },
  {
    id: 'ceph-health',
    kind: 'ceph',
    title: 'Cluster health',
    unit: 'ceph-health',
    query: 'max(ceph_health_status)',
    thresholds: { direction: 'above', warning: 0, critical: 1 },
    advice: () =>
      'Ceph is not HEALTH_OK: run ceph health detail and ceph osd tree to find down OSDs, full OSDs or degraded placement groups.',
  },
  {
    id: 'ceph-pool-capacity',
    kind: 'ceph',
    title: 'Pool capacity used',
    unit: '%',
    query:
      '100 * max(ceph_pool_stored_bytes{pool="${pool}"}) / (max(ceph_pool_stored_bytes{pool="${pool}"}) + max(ceph_pool_max_avail_bytes{pool="${pool}"}))',
    thresholds: { direction: 'above', warning: 80, critical: 85 },
    advice: i =>
      `Pool ${i.name} is filling up: check ceph df, delete or trim unused images and snapshots, and add OSDs before the cluster reaches its full ratio.`,
  },
  {
    id: 'ceph-cluster-capacity',
    kind: 'ceph',
    title: 'Cluster capacity used',
    unit: '%',
    query:
      '100 * max(ceph_cluster_total_used_bytes) / max(ceph_cluster_total_bytes)',
    thresholds: { direction: 'above', warning: 80, critical: 85 },
    advice: () =>
      'The Ceph cluster is filling up: add OSDs or hosts, and free space in the fullest pools (ceph df).',
  },
];
