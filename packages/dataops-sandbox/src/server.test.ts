import { SpecValidator } from '@internal/api-spec-checks';
import { RunningSandbox, startSandbox } from './server';
import { Faults, loadCatalog, Scenario } from './scenario';

jest.setTimeout(60000);

const catalog = loadCatalog();

async function start(down = '', slow = ''): Promise<RunningSandbox> {
  const scenario = new Scenario(catalog, Math.floor(Date.now() / 60000) * 60000, new Faults(down, slow));
  return startSandbox({ scenario, port: 0 });
}

describe('sandbox server', () => {
  let sandbox: RunningSandbox;
  const get = (path: string, init?: RequestInit) => fetch(`${sandbox.url}${path}`, init);
  const json = async (path: string, init?: RequestInit) => {
    const res = await get(path, init);
    return { status: res.status, body: (await res.json()) as any };
  };
  const argo = { headers: { Authorization: 'Bearer sandbox-argocd-token' } };

  beforeAll(async () => {
    sandbox = await start();
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('reports ready on /healthz', async () => {
    const { status, body } = await json('/healthz');
    expect(status).toBe(200);
    expect(body.status).toBe('ready');
  });

  describe('prometheus', () => {
    it('has data for every entity in exactly its environments', async () => {
      for (const entity of catalog) {
        for (const env of ['dev', 'stage', 'prod'] as const) {
          const selector = {
            'spark-job': `spark_application_success_count{app="${entity.name}"}`,
            'airflow-dag': `airflow_dagrun_duration_count{dag_id="${entity.annotation('dataops.io/airflow-dag-id', env)}"}`,
            'iceberg-table': `iceberg_table_snapshots{table="${entity.annotation('dataops.io/iceberg-table', env)}"}`,
          }[entity.type];
          const { body } = await json(`/${env}/prometheus/api/v1/query?query=${encodeURIComponent(`count(${selector})`)}`);
          expect({ entity: entity.name, env, found: body.data.result.length > 0 }).toEqual({
            entity: entity.name,
            env,
            found: entity.environments.includes(env),
          });
        }
      }
    });

    it('scripts the GC climb in prod only', async () => {
      const q = encodeURIComponent('max(sum by (pod) (rate(jvm_gc_collection_seconds_sum{app="daily-sales-etl"}[5m])))');
      const prod = await json(`/prod/prometheus/api/v1/query?query=${q}`);
      const dev = await json(`/dev/prometheus/api/v1/query?query=${q}`);
      expect(Number(prod.body.data.result[0].value[1])).toBeGreaterThan(0.2);
      expect(Number(dev.body.data.result[0].value[1])).toBeLessThan(0.1);
    });

    it('leaves metrics uncollected where the scenario says', async () => {
      const dev = await json('/dev/prometheus/api/v1/series?match[]=spark_driver_dagscheduler_job_activejobs');
      const prod = await json('/prod/prometheus/api/v1/series?match[]=spark_driver_dagscheduler_job_activejobs');
      const stage = await json('/stage/prometheus/api/v1/label/__name__/values');
      expect(dev.body.data).toEqual([]);
      expect(prod.body.data.length).toBeGreaterThan(0);
      expect(stage.body.data).not.toContain('kube_pod_status_phase');
      expect(stage.body.data).toContain('up');
    });

    it('shows the stage DAG failing and the prod SLO burning fast', async () => {
      const ratio = (dag: string) =>
        encodeURIComponent(`sum(increase(airflow_dagrun_failed_count{dag_id="${dag}"}[1h])) / (sum(increase(airflow_dagrun_failed_count{dag_id="${dag}"}[1h])) + sum(increase(airflow_dagrun_duration_count{dag_id="${dag}"}[1h])))`);
      const stage = await json(`/stage/prometheus/api/v1/query?query=${ratio('sales_daily_pipeline')}`);
      const prod = await json(`/prod/prometheus/api/v1/query?query=${ratio('marketing_attribution')}`);
      const healthy = await json(`/prod/prometheus/api/v1/query?query=${ratio('sales_daily_pipeline')}`);
      expect(Number(stage.body.data.result[0].value[1])).toBeGreaterThan(0.2);
      // Objective 99.5%: a 1h error ratio above 36 x 0.5% is a fast burn.
      expect(Number(prod.body.data.result[0].value[1])).toBeGreaterThan(36 * 0.005);
      expect(Number(healthy.body.data.result[0].value[1])).toBeLessThan(0.05);
    });

    it('shows the bloated Iceberg table, the crash loop and storage exporters', async () => {
      const q = (env: string, query: string) => json(`/${env}/prometheus/api/v1/query?query=${encodeURIComponent(query)}`);
      const snaps = await q('prod', 'iceberg_table_snapshots{table="marketing.web_sessions"}');
      expect(snaps.body.data.result[0].value[1]).toBe('150');
      const small = await q('prod', 'iceberg_table_small_files{table="marketing.web_sessions"} / iceberg_table_data_files');
      expect(Number(small.body.data.result[0].value[1])).toBeCloseTo(0.4, 2);
      const crash = await q('stage', 'sum by (pod) (kube_pod_container_status_waiting_reason{reason="CrashLoopBackOff",app="clickstream-sessionizer"}) == 1');
      expect(crash.body.data.result).toHaveLength(1);
      const buckets = await q('prod', 'count by (bucket) (minio_bucket_usage_total_bytes)');
      expect(buckets.body.data.result.map((r: any) => r.metric.bucket).sort()).toEqual(['marketing-lake', 'sales-lake', 'warehouse-lake']);
      for (const query of ['oracledb_tablespace_bytes{tablespace="WMS_TS"}', 'metrics_api_get_table_99thPercentile', 'ceph_pool_stored * on (pool_id) group_left (name) ceph_pool_metadata{name="rbd-warehouse"}']) {
        expect((await q('prod', query)).body.data.result.length).toBeGreaterThan(0);
      }
    });

    it('answers range queries over POST forms and rejects bad queries with 400', async () => {
      const end = Date.now() / 1000;
      const res = await json('/prod/prometheus/api/v1/query_range', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ query: 'sum(rate(spark_application_success_count[5m]))', start: String(end - 3600), end: String(end), step: '60' }),
      });
      expect(res.body.data.resultType).toBe('matrix');
      expect(res.body.data.result[0].values).toHaveLength(61);
      const bad = await json(`/prod/prometheus/api/v1/query?query=${encodeURIComponent('sum(rate(x[5m])')}`);
      expect(bad.status).toBe(400);
      expect(bad.body.errorType).toBe('bad_data');
    });
  });

  describe('opensearch', () => {
    const spec = SpecValidator.for('opensearch');
    const search = (env: string, index: string, body: unknown) =>
      json(`/${env}/opensearch/${index}/_search`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

    it('answers the backend query form in the spec shape, with histogram and pagination', async () => {
      const body = {
        size: 20,
        track_total_hits: true,
        sort: [{ '@timestamp': { order: 'desc' } }, { _id: 'asc' }],
        query: { bool: {
          filter: [{ range: { '@timestamp': { gte: 'now-1h', lte: 'now' } } }, { term: { 'kubernetes.labels.app': 'daily-sales-etl' } }],
          must_not: [{ term: { level: 'debug' } }],
        } },
        aggs: { histogram: { date_histogram: { field: '@timestamp', fixed_interval: '5m' }, aggs: { levels: { terms: { field: 'level' } } } } },
      };
      const first = await search('prod', 'logs-spark-*', body);
      expect(first.status).toBe(200);
      expect(spec.checkResponse('POST', '/{index}/_search', 200, first.body)).toEqual({ valid: true, errors: [] });
      const hits = first.body.hits.hits;
      expect(hits).toHaveLength(20);
      expect(hits.every((h: any) => h._source.kubernetes.labels.app === 'daily-sales-etl' && h._source.level !== 'debug')).toBe(true);
      const bucketTotal = first.body.aggregations.histogram.buckets.reduce((n: number, b: any) => n + b.doc_count, 0);
      expect(bucketTotal).toBe(first.body.hits.total.value);
      const second = await search('prod', 'logs-spark-*', { ...body, search_after: hits[hits.length - 1].sort });
      expect(second.body.hits.hits[0]._id).not.toBe(hits[hits.length - 1]._id);
      expect(second.body.hits.hits[0].sort[0]).toBeLessThanOrEqual(hits[hits.length - 1].sort[0]);
    });

    it('supports text queries, stack traces and a secret to mask', async () => {
      const res = await search('dev', 'logs-airflow-*,logs-spark-*', {
        size: 50,
        query: { bool: { must: [{ simple_query_string: { query: 'Traceback' } }, { exists: { field: 'dag_id' } }], filter: [{ range: { '@timestamp': { gte: 'now-6h' } } }] } },
      });
      expect(res.body.hits.hits.length).toBeGreaterThan(0);
      expect(res.body.hits.hits[0]._source.message).toContain('\n');
      expect(res.body.hits.hits[0]._source.connection_url).toMatch(/password=/);
    });

    it('reports an unknown query clause as a 400 and stage as down', async () => {
      const bad = await search('prod', 'logs-spark-*', { query: { fuzzy_thing: {} } });
      expect(bad.status).toBe(400);
      expect(bad.body.error.type).toBe('parsing_exception');
      const down = await get('/stage/opensearch/_cluster/health');
      expect(down.status).toBe(503);
      const health = await json('/prod/opensearch/_cluster/health');
      expect(spec.checkResponse('GET', '/_cluster/health', 200, health.body)).toEqual({ valid: true, errors: [] });
    });
  });

  describe('argo cd', () => {
    const spec = SpecValidator.for('argocd');

    it('requires a token and lists applications in the spec shape', async () => {
      expect((await get('/prod/argocd/api/v1/applications')).status).toBe(401);
      const { body } = await json('/prod/argocd/api/v1/applications', argo);
      expect(spec.checkSchema('v1alpha1ApplicationList', body)).toEqual({ valid: true, errors: [] });
      const names = body.items.map((a: any) => a.metadata.name);
      expect(names).toContain('daily-sales-etl-prod');
      expect(names).not.toContain('daily-sales-etl');
      const out = body.items.find((a: any) => a.metadata.name === 'clickstream-sessionizer');
      expect(out.status.sync.status).toBe('OutOfSync');
      expect(Date.now() - Date.parse(out.status.operationState.startedAt)).toBeGreaterThan(5 * 60000);
    });

    it('filters by name and selector, serves one app and opens sessions', async () => {
      const byName = await json('/dev/argocd/api/v1/applications?name=daily-sales-etl', argo);
      expect(byName.body.items).toHaveLength(1);
      const bySelector = await json(`/dev/argocd/api/v1/applications?selector=${encodeURIComponent('team=marketing-analytics')}`, argo);
      expect(bySelector.body.items.every((a: any) => a.metadata.labels.team === 'marketing-analytics')).toBe(true);
      expect(bySelector.body.items.length).toBeGreaterThan(0);
      const session = await json('/stage/argocd/api/v1/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'sandbox' }) });
      const one = await json('/stage/argocd/api/v1/applications/clickstream-sessionizer', { headers: { Authorization: `Bearer ${session.body.token}` } });
      expect(spec.checkSchema('v1alpha1Application', one.body)).toEqual({ valid: true, errors: [] });
      expect(one.body.status.health.status).toBe('Degraded');
      expect((await get('/stage/argocd/api/v1/applications/nope', argo)).status).toBe(404);
    });
  });

  describe('alertmanager', () => {
    const spec = SpecValidator.for('alertmanager');

    it('serves alerts per entity in the spec shape, one silenced and a Watchdog', async () => {
      const { body } = await json('/prod/alertmanager/api/v2/alerts');
      expect(spec.checkResponse('GET', '/alerts', 200, body)).toEqual({ valid: true, errors: [] });
      const names = body.map((a: any) => a.labels.alertname);
      expect(names).toContain('Watchdog');
      expect(body.filter((a: any) => a.status.state === 'suppressed')).toHaveLength(1);
      const entities = new Set(body.map((a: any) => a.labels.backstage_entity).filter(Boolean));
      expect(entities.size).toBeGreaterThanOrEqual(3);
      expect(body.find((a: any) => a.labels.backstage_entity === 'component:default/marketing-attribution').labels).toMatchObject({ severity: 'critical', env: 'prod', owner: 'marketing-analytics' });
      const filtered = await json(`/prod/alertmanager/api/v2/alerts?filter=${encodeURIComponent('alertname="Watchdog"')}&silenced=false`);
      expect(filtered.body.map((a: any) => a.labels.alertname)).toEqual(['Watchdog']);
      const groups = await json('/prod/alertmanager/api/v2/alerts/groups');
      expect(spec.checkResponse('GET', '/alerts/groups', 200, groups.body)).toEqual({ valid: true, errors: [] });
      const silences = await json('/prod/alertmanager/api/v2/silences');
      expect(spec.checkResponse('GET', '/silences', 200, silences.body)).toEqual({ valid: true, errors: [] });
      const status = await json('/prod/alertmanager/api/v2/status');
      expect(spec.checkResponse('GET', '/status', 200, status.body)).toEqual({ valid: true, errors: [] });
    });
  });

  describe('kubernetes', () => {
    it('lists objects by label selector, with the crash loop in stage', async () => {
      const selector = encodeURIComponent('backstage.io/kubernetes-id=clickstream-sessionizer');
      const pods = await json(`/stage/k8s/stage-compute/api/v1/pods?labelSelector=${selector}`);
      expect(pods.body.kind).toBe('PodList');
      expect(pods.body.items).toHaveLength(3);
      const waiting = pods.body.items.flatMap((p: any) => p.status.containerStatuses).filter((c: any) => c.state.waiting);
      expect(waiting.map((c: any) => c.state.waiting.reason)).toEqual(['CrashLoopBackOff']);
      for (const path of ['apis/apps/v1/deployments', 'apis/apps/v1/replicasets', 'api/v1/services', 'api/v1/configmaps', 'apis/autoscaling/v2/horizontalpodautoscalers', 'apis/batch/v1/jobs', 'apis/batch/v1/cronjobs', 'apis/networking.k8s.io/v1/ingresses', 'apis/apps/v1/statefulsets', 'apis/apps/v1/daemonsets', 'api/v1/limitranges', 'api/v1/resourcequotas']) {
        const res = await json(`/stage/k8s/stage-compute/${path}?labelSelector=${selector}`);
        expect({ path, status: res.status, list: Array.isArray(res.body.items) }).toEqual({ path, status: 200, list: true });
      }
      const other = await json(`/prod/k8s/prod-compute/api/v1/pods?labelSelector=${encodeURIComponent('backstage.io/kubernetes-id=inventory-snapshot-loader')}`);
      expect(other.body.items.every((p: any) => p.metadata.labels['backstage.io/kubernetes-id'] === 'inventory-snapshot-loader')).toBe(true);
      const none = await json(`/dev/k8s/dev-compute/api/v1/pods?labelSelector=${encodeURIComponent('backstage.io/kubernetes-id=inventory-snapshot-loader')}`);
      expect(none.body.items).toEqual([]);
      expect((await get('/dev/k8s/prod-compute/api/v1/pods')).status).toBe(404);
    });
  });
});

describe('sandbox faults', () => {
  it('makes a whole environment down and another slow', async () => {
    const sandbox = await start('prod', 'dev:prometheus=400');
    try {
      expect((await fetch(`${sandbox.url}/prod/argocd/api/v1/applications`)).status).toBe(503);
      const started = Date.now();
      const res = await fetch(`${sandbox.url}/dev/prometheus/api/v1/query?query=up`);
      expect(res.status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(390);
      expect((await fetch(`${sandbox.url}/stage/opensearch/_cluster/health`)).status).toBe(503);
    } finally {
      await sandbox.close();
    }
  });
});
