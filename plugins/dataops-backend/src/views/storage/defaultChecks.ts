import {
  DEFAULT_PROFILE_SELECTION,
  ProfileLayer,
  ProfileSelection,
  STORAGE_KINDS,
  StorageKind as AnnotatedStorageKind,
  Thresholds,
  selectedProfile,
} from '@dataops-observability/plugin-dataops-common';

/** Storage kinds of `dataops.io/storage` (`kind:name`, the common rulebook's list). */
export { STORAGE_KINDS };
/** A kind of `dataops.io/storage`, plus `iceberg` for `dataops.io/iceberg-table`. */
export type StorageKind = AnnotatedStorageKind | 'iceberg';

/** The identity placeholder each kind's name fills in query templates (docs/metrics-catalogue.md labels). */
export const IDENTITY_OF: Record<StorageKind, string> = {
  iceberg: 'table',
  s3: 'bucket',
  hive: 'metastore',
  oracle: 'tablespace',
  ceph: 'pool',
};

/** The exporter layer that answers each storage kind's checks: the kinds are the layers' names. */
const LAYER_OF: Record<StorageKind, ProfileLayer> = {
  iceberg: 'iceberg',
  s3: 's3',
  hive: 'hive',
  oracle: 'oracle',
  ceph: 'ceph',
};

/** Table statistics an Iceberg REST catalog answers directly, preferred over the exporter when configured. */
export type CatalogStatistic = 'snapshots' | 'data-files' | 'last-commit-age';

export interface AdviceInput {
  /** The storage object's name, e.g. `marketing.web_sessions` or `sales-lake`. */
  name: string;
  sparkCatalog: string;
}

/** A check before an exporter profile gives it a query. */
export type StorageCheckTemplate = Omit<StorageCheckDefinition, 'query'>;

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
 * Defaults after docs/platform-rules.md, layers 3 and 5; the queries come from the exporter profile of the
 * kind's layer (docs/metrics-catalogue.md), and a check the profile cannot answer is left out. Where the
 * platform gives a target and an alert, missing the target is a warning and the alert's threshold is its
 * severity. Iceberg tables have targets only; we call 20 % beyond the target critical, so a table that keeps
 * growing is flagged before queries slow down. docs/storage.md lists the same; keep both in step.
 */
export const CHECK_TEMPLATES: StorageCheckTemplate[] = [
  {
    id: 'iceberg-snapshots',
    kind: 'iceberg',
    title: 'Snapshots',
    unit: 'snapshots',
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
    catalogStatistic: 'data-files',
    advice: i => `Compact data files: ${rewriteDataFiles(i)}`,
  },
  {
    id: 'iceberg-last-commit-age',
    kind: 'iceberg',
    title: 'Last commit age',
    unit: 's',
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
    thresholds: { direction: 'above', warning: 100 },
    advice: i =>
      `Slow reads from ${i.name}: check MinIO drive health (mc admin info shows offline or slow drives), node load on the storage cluster and the network from the compute cluster.`,
  },
  {
    id: 's3-put-latency',
    kind: 's3',
    title: 'PUT latency P95',
    unit: 'ms',
    thresholds: { direction: 'above', warning: 100 },
    advice: i =>
      `Slow writes to ${i.name}: check MinIO drive health (mc admin info), healing in progress (mc admin heal) and erasure-set disk usage.`,
  },
  {
    id: 's3-error-rate',
    kind: 's3',
    title: 'Request error rate',
    unit: '%',
    thresholds: { direction: 'above', warning: 0.1, critical: 1 },
    advice: i =>
      `Failing requests on ${i.name}: check MinIO drive health (mc admin info for offline drives, mc admin heal -r <alias>/${i.name}) and the MinIO server logs for 5xx causes; 403s point at expired credentials of the writing job.`,
  },
  {
    id: 's3-capacity',
    kind: 's3',
    title: 'Capacity used',
    unit: '%',
    thresholds: { direction: 'above', warning: 80, critical: 85 },
    advice: i =>
      `Bucket ${i.name} is filling up: raise its quota (mc quota set), add lifecycle expiry for old objects, and run expire_snapshots and remove_orphan_files on the Iceberg tables stored in it.`,
  },
  {
    id: 'hive-response-time',
    kind: 'hive',
    title: 'Metastore response time P99',
    unit: 's',
    thresholds: { direction: 'above', warning: 1 },
    advice: () =>
      'Slow Hive metastore: check the load and slow queries of its backing database, the metastore JVM heap and GC, and add metastore replicas if calls queue.',
  },
  {
    id: 'hive-connection-pool',
    kind: 'hive',
    title: 'Metastore connection pool',
    unit: '%',
    thresholds: { direction: 'above', warning: 80 },
    advice: () =>
      'Metastore connection pool nearly exhausted: look for clients holding connections (long Spark jobs, leaked sessions) and raise datanucleus.connectionPool.maxPoolSize if the database can take it.',
  },
  {
    id: 'oracle-tablespace',
    kind: 'oracle',
    title: 'Tablespace used',
    unit: '%',
    thresholds: { direction: 'above', warning: 85, critical: 90 },
    advice: i =>
      `Tablespace ${i.name} is filling up: add a datafile (ALTER TABLESPACE ${i.name} ADD DATAFILE SIZE 32G AUTOEXTEND ON NEXT 1G MAXSIZE UNLIMITED;) or free space (PURGE TABLESPACE ${i.name}; drop or archive old partitions).`,
  },
  {
    id: 'oracle-connection-pool',
    kind: 'oracle',
    title: 'Connection pool',
    unit: '%',
    thresholds: { direction: 'above', warning: 90 },
    advice: () =>
      'Oracle connection pool nearly exhausted: find idle or long-running sessions in v$session and the jobs holding them, then raise the pool maximum if the database can take it.',
  },
  {
    id: 'oracle-query-duration',
    kind: 'oracle',
    title: 'Query duration P99',
    unit: 's',
    thresholds: { direction: 'above', warning: 5 },
    advice: () =>
      'Slow Oracle queries: look at the top SQL of the period (AWR / v$sql), stale optimizer statistics (DBMS_STATS.GATHER_SCHEMA_STATS) and missing indexes.',
  },
  {
    id: 'ceph-health',
    kind: 'ceph',
    title: 'Cluster health',
    unit: 'ceph-health',
    thresholds: { direction: 'above', warning: 0, critical: 1 },
    advice: () =>
      'Ceph is not HEALTH_OK: run ceph health detail and ceph osd tree to find down OSDs, full OSDs or degraded placement groups.',
  },
  {
    id: 'ceph-pool-capacity',
    kind: 'ceph',
    title: 'Pool capacity used',
    unit: '%',
    thresholds: { direction: 'above', warning: 80, critical: 85 },
    advice: i =>
      `Pool ${i.name} is filling up: check ceph df, delete or trim unused images and snapshots, and add OSDs before the cluster reaches its full ratio.`,
  },
  {
    id: 'ceph-cluster-capacity',
    kind: 'ceph',
    title: 'Cluster capacity used',
    unit: '%',
    thresholds: { direction: 'above', warning: 80, critical: 85 },
    advice: () =>
      'The Ceph cluster is filling up: add OSDs or hosts, and free space in the fullest pools (ceph df).',
  },
];

/** The default checks written against the selected exporter profiles. */
export function defaultChecks(
  selection: Readonly<ProfileSelection> = DEFAULT_PROFILE_SELECTION,
): StorageCheckDefinition[] {
  return CHECK_TEMPLATES.flatMap(t => {
    const profile = selectedProfile(selection, LAYER_OF[t.kind]);
    const query = profile.queries[t.id];
    return query
      ? [{ ...t, title: profile.titles?.[t.id] ?? t.title, query }]
      : [];
  });
}

/** The default checks under the default stack. */
export const DEFAULT_CHECKS: StorageCheckDefinition[] = defaultChecks();
