import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  TestDatabases,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  BackstageCredentials,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import type { TeamAlertsResponse } from '@dataops-observability/plugin-dataops-common';
import request from 'supertest';
import { dataopsPlugin } from '../../plugin';
import { OWNERSHIP_ENTITIES } from '../../__testUtils__';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const component = (name: string, owner: string, selector: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'dataops.io/prometheus-selector': selector },
  },
  spec: { type: 'spark-job', owner, lifecycle: 'production' },
});

/** A namespace-wide entity and, in its namespace, one workload entity and two claiming the same workload. */
const ENTITIES: Entity[] = [
  ...OWNERSHIP_ENTITIES,
  component('etl-namespace', 'platform', 'namespace="etl"'),
  component('loader', 'sales-data', 'namespace="etl",app="loader"'),
  component('twin-a', 'sales-data', 'namespace="etl",app="twin"'),
  component('twin-b', 'platform', 'app="twin",namespace="etl"'),
  // A third equal claim, on an entity signed-in users may not read.
  component('twin-secret', 'platform', 'namespace="etl",app="twin"'),
];
const SECRET = 'component:default/twin-secret';

/** Users can not read `twin-secret`; the plugin's own credentials (the ownership index) see everything. */
function hidingCatalog() {
  const all = catalogServiceMock({ entities: ENTITIES });
  const isUser = (credentials?: BackstageCredentials) =>
    (credentials?.principal as any)?.type === 'user';
  const hidden = (e: Entity | undefined) =>
    e !== undefined && stringifyEntityRef(e) === SECRET;
  const getEntitiesByRefs = async (req: any, opts: any) => {
    const res = await all.getEntitiesByRefs(req, opts);
    return isUser(opts?.credentials)
      ? { items: res.items.map(e => (hidden(e) ? undefined : e)) }
      : res;
  };
  // Every other method is the mock's own, called on the mock itself (it keeps private state).
  return new Proxy(all, {
    get: (target, prop) =>
      prop === 'getEntitiesByRefs'
        ? getEntitiesByRefs
        : (target as any)[prop]?.bind?.(target) ?? (target as any)[prop],
  });
}

const alert = (labels: Record<string, string>) => ({
  labels,
  annotations: { summary: `${labels.alertname} fired` },
  fingerprint: `fp-${labels.alertname}`,
  startsAt: '2026-01-01T00:00:00.000Z',
  endsAt: '2026-01-01T01:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  receivers: [{ name: 'default' }],
  status: { state: 'active', silencedBy: [], inhibitedBy: [] },
});

/** An Alertmanager answering every alert query with `alerts`, whatever the filter. */
async function fakeAlertmanager(alerts: unknown[]) {
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/api/v2/alerts')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(alerts));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}

describe('entity alerts card and team view agree on ownership', () => {
  let prodAm: Awaited<ReturnType<typeof fakeAlertmanager>>;
  let stageAm: Awaited<ReturnType<typeof fakeAlertmanager>>;
  let server: any;

  beforeAll(async () => {
    prodAm = await fakeAlertmanager([
      alert({
        alertname: 'LoaderDown',
        severity: 'critical',
        env: 'prod',
        namespace: 'etl',
        app: 'loader',
      }),
      alert({
        alertname: 'QuotaNearlyFull',
        severity: 'warning',
        env: 'prod',
        namespace: 'etl',
      }),
      alert({
        alertname: 'TwinLag',
        severity: 'warning',
        env: 'prod',
        namespace: 'etl',
        app: 'twin',
      }),
      // Returned by the prod Alertmanager, but its env label names stage.
      alert({
        alertname: 'LoaderStageBacklog',
        severity: 'warning',
        env: 'stage',
        namespace: 'etl',
        app: 'loader',
      }),
    ]);
    stageAm = await fakeAlertmanager([]);
    const knex = await databases.init('SQLITE_3');
    ({ server } = await startTestBackend({
      features: [
        dataopsPlugin,
        createServiceFactory({
          service: catalogServiceRef,
          deps: {},
          factory: () => hidingCatalog() as any,
        }),
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({
          data: {
            dataops: {
              alertPoller: { enabled: false },
              environments: [
                { name: 'stage', alertmanager: { url: stageAm.url } },
                { name: 'prod', alertmanager: { url: prodAm.url } },
              ],
            },
          },
        }),
      ],
    }));
  });

  afterAll(async () => {
    await prodAm?.close();
    await stageAm?.close();
  });

  /** Per environment, the card's alerts as `name` or `name claimedBy a|b`. */
  async function card(name: string): Promise<Record<string, string[]>> {
    const res = await request(server).get(
      `/api/dataops/v1/entity/default/component/${name}/alerts`,
    );
    expect([res.status, res.body?.error?.message]).toEqual([200, undefined]);
    const byEnv: Record<string, string[]> = {};
    for (const entry of res.body.environments) {
      expect(entry.status).toBe('ok');
      byEnv[entry.env] = entry.data.alerts.map((a: any) =>
        a.claimedBy
          ? `${a.name} claimedBy ${a.claimedBy.join('|')}${
              a.claimedByHidden ? ` +${a.claimedByHidden} hidden` : ''
            }`
          : a.name,
      );
    }
    return byEnv;
  }

  async function teamView(owner: string): Promise<string[]> {
    const res = await request(server).get(
      `/api/dataops/v1/alerts?owner=group:default/${owner}`,
    );
    expect(res.status).toBe(200);
    return (res.body as TeamAlertsResponse).entities
      .flatMap(e =>
        Object.values(e.alertsByPriority).flatMap(list =>
          list.map(a => `${a.name}@${a.env} on ${e.entityRef}`),
        ),
      )
      .sort();
  }

  it("lists a workload's alert on the workload's card only, not on the namespace-wide entity's", async () => {
    expect(await card('loader')).toEqual({
      stage: ['LoaderStageBacklog'],
      prod: ['LoaderDown'],
    });
    expect(await card('etl-namespace')).toEqual({
      stage: [],
      prod: ['QuotaNearlyFull'],
    });
  });

  it("shows the workload's alerts on its owner's team view and never under the namespace-wide entity", async () => {
    expect(await teamView('sales-data')).toEqual(
      expect.arrayContaining([
        'LoaderDown@prod on component:default/loader',
        'LoaderStageBacklog@stage on component:default/loader',
      ]),
    );
    const platform = await teamView('platform');
    expect(platform).toContain(
      'QuotaNearlyFull@prod on component:default/etl-namespace',
    );
    expect(platform.join('\n')).not.toContain('Loader');
  });

  it("lists an ambiguous alert on the claimants' cards, naming only the claimants the caller may read", async () => {
    // The third claimant exists (and keeps the alert ambiguous) but its ref never reaches this caller.
    const marked =
      'TwinLag claimedBy component:default/twin-a|component:default/twin-b +1 hidden';
    expect(await card('twin-a')).toEqual({ stage: [], prod: [marked] });
    expect(await card('twin-b')).toEqual({ stage: [], prod: [marked] });
    const team = await request(server).get(
      '/api/dataops/v1/alerts?owner=group:default/sales-data',
    );
    const twinLag = (team.body as TeamAlertsResponse).entities
      .flatMap(e => Object.values(e.alertsByPriority).flat())
      .find(a => a.name === 'TwinLag');
    expect(twinLag).toMatchObject({
      claimedBy: ['component:default/twin-a', 'component:default/twin-b'],
      claimedByHidden: 1,
    });
    expect(JSON.stringify(team.body)).not.toContain('twin-secret');
  });

  it("derives the summary's alerts cell from the same alerts", async () => {
    const res = await request(server).get(
      '/api/dataops/v1/entity/default/component/etl-namespace/summary',
    );
    expect(res.status).toBe(200);
    const prod = res.body.environments.find((e: any) => e.env === 'prod');
    expect(prod.data.areas.alerts.reason).toBe(
      '1 firing, highest P3: QuotaNearlyFull',
    );
  });
});
