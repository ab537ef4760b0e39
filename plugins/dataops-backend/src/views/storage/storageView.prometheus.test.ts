import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { SpecValidator } from '@internal/api-spec-checks';
import type { StorageCheck } from '@dataops-observability/plugin-dataops-common';
import {
  PrometheusWithHistory,
  SeriesHistory,
  counterSamples,
  freePort,
  startPrometheusWithHistory,
  toOpenMetrics,
} from '@dataops-observability/plugin-dataops-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import request from 'supertest';
import { dataopsPlugin } from '../../plugin';
import { loadTableFixture } from '../../__testUtils__';

jest.setTimeout(300_000);

const CATALOG = 'http://iceberg.test';
const STEP = 60;
const TABLE = 'marketing.web_sessions';
const TIB = 1024 ** 4;

function entity(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'iceberg-table', owner: 'marketing-analytics' },
  };
}

const webSessions = entity('marketing-web-sessions', {
  'dataops.io/environments': 'dev,stage,prod,qa',
  'dataops.io/iceberg-table': TABLE,
  'dataops.io/storage':
    's3:marketing-lake,hive:metastore,oracle:CRM_TS,ceph:rbd-warehouse',
});
const noStorage = entity('no-storage', {
  'dataops.io/prometheus-selector': 'job="no-storage"',
});
const badStorage = entity('bad-storage', {
  'dataops.io/storage': 's3:ok-bucket',
  'dataops.io/storage.prod': 's3:ok-bucket,isilon:x',
});

/**
 * History with values known by construction, 1-minute samples for 3 h, one Prometheus for every environment
 * told apart by `env` (central Thanos). prod: the bloated table (150 snapshots, 40 % small files), 2 % S3
 * errors, PUT P95 242.5 ms, bucket 82 % full, tablespace 91 %. dev: a healthy table, no S3 traffic (latency
 * and error ratio have no value), no Hive metrics at all, Ceph HEALTH_WARN. stage like dev plus Hive.
 */
function history(end: number): SeriesHistory[] {
  const start = end - 3 * 3600;
  const times: number[] = [];
  for (let t = start; t <= end; t += STEP) times.push(t);
  const gauge = (v: (t: number) => number) =>
    times.map(t => [t, v(t)] as [number, number]);
  const perMinute = (n: number) =>
    counterSamples({ start, end, step: STEP, increment: () => n });
  const series: SeriesHistory[] = [];
  const add = (
    metric: string,
    labels: Record<string, string>,
    samples: Array<[number, number]>,
  ) => series.push({ metric, labels, samples });
  for (const env of ['dev', 'stage', 'prod']) {
    const prod = env === 'prod';
    const table = { env, namespace: 'iceberg', table: TABLE };
    add(
      'iceberg_table_snapshots',
      table,
      gauge(() => (prod ? 150 : 20)),
    );
    add(
      'iceberg_table_data_files',
      table,
      gauge(() => 1800),
    );
    add(
      'iceberg_table_small_files',
      table,
      gauge(() => (prod ? 720 : 180)),
    );
    add(
      'iceberg_table_metadata_bytes',
      table,
      gauge(() => 9_000_000),
    );
    add(
      'iceberg_table_last_commit_timestamp_seconds',
      table,
      gauge(t => t - (t % 600)),
    );
    // Another table with other values, so a missing identity matcher would show.
    add(
      'iceberg_table_snapshots',
      { ...table, table: 'other.table' },
      gauge(() => 999),
    );
    const bucket = { env, bucket: 'marketing-lake' };
    const traffic = { GetObject: prod ? 600 : 0, PutObject: prod ? 400 : 0 };
    for (const [api, n] of Object.entries(traffic)) {
      add('minio_bucket_requests_total', { ...bucket, api }, perMinute(n));
      add(
        'minio_bucket_requests_5xx_errors_total',
        { ...bucket, api },
        perMinute(api === 'GetObject' && prod ? 20 : 0),
      );
      // GET answers within (25 ms, 50 ms], PUT within (100 ms, 250 ms].
      const lowest = api === 'GetObject' ? 0.05 : 0.25;
      for (const le of ['0.025', '0.05', '0.1', '0.25', '+Inf']) {
        const inBucket = le === '+Inf' || Number(le) >= lowest;
        add(
          'minio_bucket_requests_ttfb_seconds_distribution',
          { ...bucket, api, le },
          perMinute(inBucket ? n : 0),
        );
      }
    }
    add(
      'minio_bucket_usage_total_bytes',
      bucket,
      gauge(() => (prod ? 8.2 : 5) * TIB),
    );
    add(
      'minio_bucket_quota_total_bytes',
      bucket,
      gauge(() => 10 * TIB),
    );
    if (env !== 'dev') {
      // JMX exporter's default naming of the metastore's get_table timer, milliseconds.
      add(
        'metrics_api_get_table_99thPercentile',
        { env, type: 'timers' },
        gauge(() => 400),
      );
    }
    add(
      'oracledb_tablespace_bytes',
      { env, tablespace: 'CRM_TS' },
      gauge(() => (prod ? 1.82 : 1) * TIB),
    );
    add(
      'oracledb_tablespace_max_bytes',
      { env, tablespace: 'CRM_TS' },
      gauge(() => 2 * TIB),
    );
    add(
      'oracledb_resource_current_utilization',
      { env, resource_name: 'sessions' },
      gauge(() => 60),
    );
    add(
      'oracledb_resource_limit_value',
      { env, resource_name: 'sessions' },
      gauge(() => 150),
    );
    // Another resource with other values, so a missing resource_name matcher would show.
    add(
      'oracledb_resource_current_utilization',
      { env, resource_name: 'processes' },
      gauge(() => 149),
    );
    add(
      'ceph_health_status',
      { env },
      gauge(() => (env === 'dev' ? 1 : 0)),
    );
    // ceph-mgr labels pool series by id; the name is on ceph_pool_metadata. Pool 2 is another pool.
    for (const [id, name, stored] of [
      ['1', 'rbd-warehouse', 40],
      ['2', 'cephfs-data', 95],
    ] as const) {
      add(
        'ceph_pool_metadata',
        { env, pool_id: id, name },
        gauge(() => 1),
      );
      add(
        'ceph_pool_stored',
        { env, pool_id: id },
        gauge(() => stored * TIB),
      );
      add(
        'ceph_pool_max_avail',
        { env, pool_id: id },
        gauge(() => (100 - stored) * TIB),
      );
    }
    add(
      'ceph_cluster_total_used_bytes',
      { env },
      gauge(() => 58 * TIB),
    );
    add(
      'ceph_cluster_total_bytes',
      { env },
      gauge(() => 100 * TIB),
    );
  }
  return series;
}

describe('storage view on a real Prometheus', () => {
  let prometheus: PrometheusWithHistory;
  let deadPort: number;
  let server: any;
  const catalogCalls: string[] = [];
  const stageCommitMs = Date.now() - 1800_000;
  const stageTable = loadTableFixture({
    count: 150,
    lastCommitMs: stageCommitMs,
    summary: {
      'total-data-files': '1750',
      'added-data-files': '3',
      'total-files-size': '1000',
    },
  });
  const msw = setupServer(
    http.get(`${CATALOG}/v1/config`, () =>
      HttpResponse.json({ defaults: {}, overrides: { prefix: 'stage' } }),
    ),
    http.get(
      `${CATALOG}/v1/:prefix/namespaces/:ns/tables/:table`,
      ({ request: req }) => {
        catalogCalls.push(new URL(req.url).pathname);
        return HttpResponse.json(stageTable);
      },
    ),
  );

  beforeAll(async () => {
    const end = Math.floor(Date.now() / 1000) - 60;
    [prometheus, deadPort] = await Promise.all([
      startPrometheusWithHistory(toOpenMetrics(history(end))),
      freePort(),
    ]);
    msw.listen({ onUnhandledRequest: 'bypass' });
    const env = (name: string, extra: object = {}) => ({
      name,
      timeoutMs: 10_000,
      thanos: { url: prometheus.url, extraSelector: `env="${name}"` },
      ...extra,
    });
    ({ server } = await startTestBackend({
      features: [
        dataopsPlugin,
        catalogServiceMock.factory({
          entities: [webSessions, badStorage, noStorage],
        }),
        mockServices.rootConfig.factory({
          data: {
            dataops: {
              environments: [
                env('dev'),
                env('stage', {
                  iceberg: { url: CATALOG, token: 'cat-s3cret' },
                }),
                env('prod'),
                {
                  name: 'qa',
                  timeoutMs: 2000,
                  thanos: { url: `http://127.0.0.1:${deadPort}` },
                },
              ],
            },
          },
        }),
      ],
    }));
  });

  afterAll(async () => {
    msw.close();
    await prometheus?.stop();
  });

  let body: any;
  const checksOf = (env: string): Record<string, StorageCheck> => {
    const entry = body.environments.find((e: any) => e.env === env);
    expect(entry.status).toBe('ok');
    return Object.fromEntries(
      entry.data.checks.map((c: StorageCheck) => [c.id, c]),
    );
  };

  it('uses a catalog answer that conforms to the Iceberg REST specification', () => {
    expect(
      SpecValidator.for('iceberg').checkResponse(
        'GET',
        '/v1/{prefix}/namespaces/{namespace}/tables/{table}',
        200,
        stageTable,
      ).errors,
    ).toEqual([]);
  });

  it('serves the storage view for every environment', async () => {
    const res = await request(server).get(
      `/api/dataops/v1/entity/default/resource/marketing-web-sessions/storage?from=now-1h&step=${STEP}`,
    );
    expect(res.status).toBe(200);
    body = res.body;
    expect(body.environments.map((e: any) => e.env)).toEqual([
      'dev',
      'stage',
      'prod',
      'qa',
    ]);
    expect(JSON.stringify(body)).not.toContain('cat-s3cret');
  });

  it('shows the bloated prod table as critical with the exact maintenance statements', () => {
    const prod = checksOf('prod');
    const snapshots = prod[`iceberg-snapshots@${TABLE}`];
    expect(snapshots).toMatchObject({
      title: 'Snapshots',
      target: `iceberg:${TABLE}`,
      value: 150,
      unit: 'snapshots',
      threshold: { direction: 'above', warning: 100, critical: 120 },
      level: 'critical',
      state: 'ok',
      source: 'prometheus',
      query: `max(iceberg_table_snapshots{env="prod",table="${TABLE}"})`,
    });
    expect(snapshots.advice).toContain(
      `CALL lake.system.expire_snapshots(table => '${TABLE}', retain_last => 50)`,
    );
    expect(snapshots.sparkline!.length).toBeGreaterThan(50);
    expect(snapshots.sparkline!.every(p => p[1] === 150)).toBe(true);
    expect(prod[`iceberg-small-files@${TABLE}`]).toMatchObject({
      value: 40,
      level: 'critical',
    });
    expect(prod[`iceberg-small-files@${TABLE}`].advice).toContain(
      `CALL lake.system.rewrite_data_files(table => '${TABLE}')`,
    );
    const age = prod[`iceberg-last-commit-age@${TABLE}`];
    expect(age.level).toBe('healthy');
    expect(age.value as number).toBeLessThan(600 + STEP);
    expect(age.advice).toBeUndefined();
  });

  it('evaluates S3, Hive, Oracle and Ceph checks from the exporters', () => {
    const prod = checksOf('prod');
    expect(prod['s3-error-rate@marketing-lake'].value as number).toBeCloseTo(
      2,
      6,
    );
    expect(prod['s3-error-rate@marketing-lake']).toMatchObject({
      level: 'critical',
    });
    expect(prod['s3-error-rate@marketing-lake'].advice).toMatch(
      /MinIO drive health/,
    );
    expect(prod['s3-get-latency@marketing-lake'].value as number).toBeCloseTo(
      48.75,
      6,
    );
    expect(prod['s3-get-latency@marketing-lake'].level).toBe('healthy');
    expect(prod['s3-put-latency@marketing-lake'].value as number).toBeCloseTo(
      242.5,
      6,
    );
    expect(prod['s3-put-latency@marketing-lake'].level).toBe('warning');
    expect(prod['s3-capacity@marketing-lake'].value as number).toBeCloseTo(
      82,
      6,
    );
    expect(prod['s3-capacity@marketing-lake'].level).toBe('warning');
    expect(prod['hive-response-time@metastore']).toMatchObject({
      value: 0.4,
      level: 'healthy',
    });
    // The metastore publishes no pool maximum, oracledb_exporter no query duration: not shown at all.
    expect(prod['hive-connection-pool@metastore']).toBeUndefined();
    expect(prod['oracle-query-duration@CRM_TS']).toBeUndefined();
    expect(prod['oracle-tablespace@CRM_TS'].value as number).toBeCloseTo(91, 6);
    expect(prod['oracle-tablespace@CRM_TS'].level).toBe('critical');
    expect(prod['oracle-tablespace@CRM_TS'].advice).toContain(
      'ALTER TABLESPACE CRM_TS ADD DATAFILE',
    );
    expect(prod['oracle-connection-pool@CRM_TS'].value as number).toBeCloseTo(
      40,
      6,
    );
    expect(prod['ceph-health@rbd-warehouse']).toMatchObject({
      value: 'HEALTH_OK',
      level: 'healthy',
    });
    expect(prod['ceph-pool-capacity@rbd-warehouse']).toMatchObject({
      value: 40,
      level: 'healthy',
    });
    expect(prod['ceph-cluster-capacity@rbd-warehouse']).toMatchObject({
      value: 58,
      level: 'healthy',
    });
  });

  it('tells no traffic, metrics never collected and other environments apart', () => {
    const dev = checksOf('dev');
    expect(dev[`iceberg-snapshots@${TABLE}`]).toMatchObject({
      value: 20,
      level: 'healthy',
    });
    expect(dev[`iceberg-snapshots@${TABLE}`].advice).toBeUndefined();
    expect(dev['s3-get-latency@marketing-lake']).toMatchObject({
      state: 'empty',
      value: null,
      level: 'unknown',
    });
    expect(dev['s3-error-rate@marketing-lake'].state).toBe('empty');
    expect(dev['hive-response-time@metastore']).toMatchObject({
      state: 'not-collected',
      level: 'unknown',
    });
    expect(dev['hive-response-time@metastore'].stateReason).toContain(
      'metrics_api_get_table_99thPercentile',
    );
    expect(dev['ceph-health@rbd-warehouse']).toMatchObject({
      value: 'HEALTH_WARN',
      level: 'warning',
    });
    expect(dev['ceph-health@rbd-warehouse'].advice).toMatch(
      /ceph health detail/,
    );
  });

  it('prefers the Iceberg catalog where one is configured and says so', () => {
    const stage = checksOf('stage');
    expect(stage[`iceberg-snapshots@${TABLE}`]).toMatchObject({
      value: 150,
      level: 'critical',
      source: 'iceberg-rest',
      query: 'GET /v1/stage/namespaces/marketing/tables/web_sessions',
    });
    // The exporter's history (20 snapshots) still draws the sparkline.
    expect(stage[`iceberg-snapshots@${TABLE}`].sparkline![0][1]).toBe(20);
    expect(stage[`iceberg-data-files@${TABLE}`]).toMatchObject({
      value: 1750,
      source: 'iceberg-rest',
    });
    const age = stage[`iceberg-last-commit-age@${TABLE}`];
    expect(age.source).toBe('iceberg-rest');
    expect(Math.abs((age.value as number) - 1800)).toBeLessThan(120);
    expect(stage[`iceberg-small-files@${TABLE}`]).toMatchObject({
      value: 10,
      source: 'prometheus',
    });
    expect(catalogCalls).toEqual([
      '/v1/stage/namespaces/marketing/tables/web_sessions',
    ]);
  });

  it('shows an environment whose Thanos is down as down', () => {
    const qa = body.environments.find((e: any) => e.env === 'qa');
    expect(qa).toMatchObject({
      status: 'error',
      error: { source: 'thanos', type: 'UPSTREAM_ERROR' },
    });
  });

  it('rolls storage up into the summary', async () => {
    const res = await request(server).get(
      '/api/dataops/v1/entity/default/resource/marketing-web-sessions/summary?env=prod&env=dev',
    );
    expect(res.status).toBe(200);
    const [dev, prod] = res.body.environments;
    expect(prod.data.areas.storage.level).toBe('critical');
    expect(prod.data.areas.storage.reason).toContain(
      `Snapshots (iceberg:${TABLE}) (150 snapshots)`,
    );
    expect(dev.data.areas.storage.level).toBe('warning');
  });

  it('marks storage as not set up in the summary of an entity without storage', async () => {
    const res = await request(server).get(
      '/api/dataops/v1/entity/default/resource/no-storage/summary?env=prod',
    );
    expect(res.status).toBe(200);
    expect(res.body.environments[0].data.areas.storage).toEqual({
      level: 'unknown',
      reason: 'no storage annotated on this entity',
      cause: 'not-set-up',
    });
  });

  it('answers 400 naming the annotation and the bad item', async () => {
    const res = await request(server).get(
      '/api/dataops/v1/entity/default/resource/bad-storage/storage?env=prod',
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(
      "Bad annotation dataops.io/storage.prod: 'isilon:x' has unknown storage kind 'isilon'",
    );
    const dev = await request(server).get(
      '/api/dataops/v1/entity/default/resource/bad-storage/storage?env=dev',
    );
    expect(dev.status).toBe(200);
    expect(
      dev.body.environments[0].data.checks.map((c: StorageCheck) => c.id),
    ).toEqual([
      's3-get-latency@ok-bucket',
      's3-put-latency@ok-bucket',
      's3-error-rate@ok-bucket',
      's3-capacity@ok-bucket',
    ]);
    expect(dev.body.environments[0].data.checks[0].state).toBe('not-collected');
  });
});
