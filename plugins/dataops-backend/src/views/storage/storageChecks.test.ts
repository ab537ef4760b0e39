import { ConfigReader } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import {
  DEFAULT_PROFILE_SELECTION,
  evaluateThresholds,
} from '@dataops-observability/plugin-dataops-common';
import { readStorageConfig } from '../../config';
import { parseStorageTargets } from './parseStorageTargets';
import { CHECK_TEMPLATES, StorageCheckDefinition } from './defaultChecks';
import { resolveChecks } from './resolveChecks';
import { fromCatalog } from './toStorageCheck';

const checks = resolveChecks(readStorageConfig());
// Thresholds are the template's; checks no profile of the default stack answers are judged by it too.
const byId = (id: string): StorageCheckDefinition =>
  checks.find(c => c.id === id) ?? {
    ...CHECK_TEMPLATES.find(c => c.id === id)!,
    query: '',
  };

describe('checks written against the exporter profiles', () => {
  it('reads the default stack exporters and leaves out what they do not publish', () => {
    expect(checks.find(c => c.id === 'ceph-pool-capacity')!.query).toContain(
      'ceph_pool_stored * on (pool_id) group_left (name) ceph_pool_metadata{name="${pool}"}',
    );
    expect(checks.find(c => c.id === 's3-error-rate')!.query).toContain(
      'minio_bucket_requests_5xx_errors_total',
    );
    // oracledb_exporter has no query duration, the metastore no pool maximum.
    expect(checks.map(c => c.id)).not.toContain('oracle-query-duration');
    expect(checks.map(c => c.id)).not.toContain('hive-connection-pool');
  });

  it('follows the environment profile and lets an override with a query bring a check back', () => {
    const v3 = resolveChecks(
      readStorageConfig(
        new ConfigReader({
          checks: {
            'oracle-query-duration': { query: 'max(my_oracle_p99_seconds)' },
          },
        }),
      ),
      { ...DEFAULT_PROFILE_SELECTION, s3: 'minio-v3' },
    );
    expect(v3.find(c => c.id === 's3-capacity')!.query).toContain(
      'minio_cluster_usage_buckets_quota_total_bytes{bucket="${bucket}"}',
    );
    expect(v3.find(c => c.id === 'oracle-query-duration')!.query).toBe(
      'max(my_oracle_p99_seconds)',
    );
  });
});

describe('default storage thresholds', () => {
  it.each([
    // docs/platform-rules.md, layer 3: storage used < 80 %, > 85 % critical.
    ['s3-capacity', 80, 'healthy'],
    ['s3-capacity', 80.01, 'warning'],
    ['s3-capacity', 85, 'warning'],
    ['s3-capacity', 85.01, 'critical'],
    ['ceph-pool-capacity', 80, 'healthy'],
    ['ceph-pool-capacity', 85.5, 'critical'],
    ['ceph-cluster-capacity', 84.9, 'warning'],
    // Oracle tablespace < 85 %, > 90 % critical; pool < 90 %; queries < 5 s.
    ['oracle-tablespace', 85, 'healthy'],
    ['oracle-tablespace', 85.1, 'warning'],
    ['oracle-tablespace', 90, 'warning'],
    ['oracle-tablespace', 90.1, 'critical'],
    ['oracle-connection-pool', 90, 'healthy'],
    ['oracle-connection-pool', 91, 'warning'],
    ['oracle-query-duration', 5, 'healthy'],
    ['oracle-query-duration', 5.1, 'warning'],
    // Hive: response < 1 s (> 3 s is only a warning alert), pool < 80 %.
    ['hive-response-time', 1, 'healthy'],
    ['hive-response-time', 3.5, 'warning'],
    ['hive-connection-pool', 80, 'healthy'],
    ['hive-connection-pool', 80.5, 'warning'],
    // S3: latency < 100 ms, errors < 0.1 % target, > 1 % critical.
    ['s3-get-latency', 100, 'healthy'],
    ['s3-put-latency', 101, 'warning'],
    ['s3-error-rate', 0.1, 'healthy'],
    ['s3-error-rate', 0.5, 'warning'],
    ['s3-error-rate', 1, 'warning'],
    ['s3-error-rate', 1.01, 'critical'],
    // Iceberg: snapshots < 100, small files < 30 %, critical 20 % beyond.
    ['iceberg-snapshots', 100, 'healthy'],
    ['iceberg-snapshots', 101, 'warning'],
    ['iceberg-snapshots', 150, 'critical'],
    ['iceberg-small-files', 30, 'healthy'],
    ['iceberg-small-files', 30.5, 'warning'],
    ['iceberg-small-files', 40, 'critical'],
    ['iceberg-last-commit-age', 3600, 'healthy'],
    ['iceberg-last-commit-age', 3601, 'warning'],
    ['iceberg-last-commit-age', 7201, 'critical'],
    // Ceph health: 0 OK, 1 WARN, 2 ERR.
    ['ceph-health', 0, 'healthy'],
    ['ceph-health', 1, 'warning'],
    ['ceph-health', 2, 'critical'],
  ])('%s at %d is %s', (id, value, level) => {
    expect(evaluateThresholds(value, byId(id).thresholds)).toBe(level);
  });

  it('watches metadata size and data files without a level of their own', () => {
    expect(
      evaluateThresholds(1e12, byId('iceberg-metadata-size').thresholds),
    ).toBe('healthy');
    expect(
      evaluateThresholds(null, byId('iceberg-data-files').thresholds),
    ).toBe('unknown');
  });
});

describe('resolveChecks', () => {
  it('applies overrides, the freshness target and disabling', () => {
    const resolved = resolveChecks(
      readStorageConfig(
        new ConfigReader({
          freshnessTargetSeconds: 900,
          checks: {
            's3-capacity': {
              query: 'max(bucket_fill{bucket="${bucket}"})',
              thresholds: { direction: 'above', warning: 70, critical: 75 },
            },
            'ceph-health': { enabled: false },
          },
        }),
      ),
    );
    const s3 = resolved.find(c => c.id === 's3-capacity')!;
    expect(s3.query).toBe('max(bucket_fill{bucket="${bucket}"})');
    expect(s3.thresholds).toEqual({
      direction: 'above',
      warning: 70,
      critical: 75,
    });
    expect(resolved.find(c => c.id === 'ceph-health')).toBeUndefined();
    expect(
      resolved.find(c => c.id === 'iceberg-last-commit-age')!.thresholds,
    ).toEqual({
      direction: 'above',
      warning: 900,
      critical: 1800,
    });
  });

  it('fails at start-up on unknown checks and bad templates', () => {
    expect(() =>
      resolveChecks(
        readStorageConfig(
          new ConfigReader({ checks: { 'iceberg-snapshot': {} } }),
        ),
      ),
    ).toThrow(
      /dataops.storage.checks.iceberg-snapshot: no such check; known checks: iceberg-snapshots/,
    );
    expect(() =>
      readStorageConfig(
        new ConfigReader({ checks: { 's3-capacity': { query: 'max(' } } }),
      ),
    ).toThrow(
      /dataops.storage.checks.s3-capacity: query template does not parse/,
    );
    expect(() =>
      readStorageConfig(new ConfigReader({ sparkCatalog: "x'; DROP" })),
    ).toThrow(/sparkCatalog/);
  });
});

function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 't', annotations },
    spec: { type: 'iceberg-table' },
  };
}

describe('parseStorageTargets', () => {
  it('reads the table and storage list with per-environment overrides', () => {
    const e = entity({
      'dataops.io/iceberg-table': 'marketing.web_sessions',
      'dataops.io/storage':
        's3:marketing-lake, hive:metastore,s3:marketing-lake',
      'dataops.io/storage.prod':
        's3:marketing-lake-prod,oracle:CRM_TS,ceph:rbd-warehouse',
    });
    expect(parseStorageTargets(e, 'dev')).toEqual([
      { kind: 'iceberg', name: 'marketing.web_sessions' },
      { kind: 's3', name: 'marketing-lake' },
      { kind: 'hive', name: 'metastore' },
    ]);
    expect(
      parseStorageTargets(e, 'prod').map(t => `${t.kind}:${t.name}`),
    ).toEqual([
      'iceberg:marketing.web_sessions',
      's3:marketing-lake-prod',
      'oracle:CRM_TS',
      'ceph:rbd-warehouse',
    ]);
    expect(parseStorageTargets(entity({}), 'dev')).toEqual([]);
  });

  it.each([
    [
      { 'dataops.io/storage': 's3' },
      "Bad annotation dataops.io/storage: 's3' is not kind:name",
    ],
    [
      { 'dataops.io/storage.prod': 'isilon:x' },
      "Bad annotation dataops.io/storage.prod: 'isilon:x' has unknown storage kind 'isilon'",
    ],
    [
      { 'dataops.io/storage': 's3:a"} or vector(1)' },
      `'s3:a"} or vector(1)': the name may only contain`,
    ],
    [{ 'dataops.io/storage': 'oracle:' }, "'oracle:' is not kind:name"],
    // Every item adds its checks to each request in every environment, so the list is bounded.
    [
      {
        'dataops.io/storage': Array.from(
          { length: 21 },
          (_, i) => `s3:b${i}`,
        ).join(','),
      },
      'Bad annotation dataops.io/storage: lists 21 storage items; at most 20 are allowed',
    ],
    [
      { 'dataops.io/iceberg-table': 'web_sessions' },
      'Bad annotation dataops.io/iceberg-table: ',
    ],
    [
      { 'dataops.io/iceberg-table.prod': 'a/b.c' },
      "Bad annotation dataops.io/iceberg-table.prod: 'a/b.c': part 'a/b'",
    ],
  ])('rejects %j with a 400 naming it', (annotations, message) => {
    let error: any;
    try {
      parseStorageTargets(entity(annotations), 'prod');
    } catch (e) {
      error = e;
    }
    expect(error?.name).toBe('InputError');
    expect(error.message).toContain(message);
  });
});

describe('fromCatalog', () => {
  const stats = {
    snapshotCount: 150,
    currentSnapshotId: 7,
    dataFiles: 1800,
    lastCommitMs: 1_000_000,
    formatVersion: 2,
    requestPath: 'GET /v1/prod/namespaces/marketing/tables/web_sessions',
  };
  const target = { kind: 'iceberg' as const, name: 'marketing.web_sessions' };

  it('evaluates catalog values and keeps the exporter sparkline', () => {
    const check = fromCatalog(byId('iceberg-snapshots'), target, stats, 0, {
      id: 'x',
      title: 'x',
      target: 'x',
      value: 149,
      unit: 'snapshots',
      level: 'critical',
      state: 'ok',
      sparkline: [[1, 149]],
    });
    expect(check).toMatchObject({
      id: 'iceberg-snapshots@marketing.web_sessions',
      target: 'iceberg:marketing.web_sessions',
      value: 150,
      level: 'critical',
      state: 'ok',
      source: 'iceberg-rest',
      query: stats.requestPath,
      sparkline: [[1, 149]],
    });
    const age = fromCatalog(
      byId('iceberg-last-commit-age'),
      target,
      stats,
      1_000_000 + 7_300_000,
    );
    expect(age).toMatchObject({ value: 7300, level: 'critical' });
  });

  it('is empty, not zero, when the summary lacks the statistic', () => {
    const check = fromCatalog(
      byId('iceberg-data-files'),
      target,
      { ...stats, currentSnapshotId: undefined, dataFiles: undefined },
      0,
    );
    expect(check).toMatchObject({
      value: null,
      state: 'empty',
      level: 'unknown',
      stateReason: 'the table has no current snapshot in the Iceberg catalog',
    });
  });
});
