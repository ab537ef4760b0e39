import {
  TestDatabases,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  BackstageCredentials,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { IncidentsResponse } from '@dataops-observability/plugin-dataops-common';
import request from 'supertest';
import { dataopsPlugin } from '../../plugin';
import { OWNERSHIP_ENTITIES } from '../../__testUtils__';
import { EpisodeStore } from '../incidents';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const SALES = 'group:default/sales-data';
const HIDDEN = 'resource:default/sales-orders';

/**
 * The catalog as a permission policy may shape it: users can not see `sales-orders`; the plugin's own
 * service credentials see everything.
 */
function hidingCatalog() {
  const all = catalogServiceMock({ entities: OWNERSHIP_ENTITIES });
  const isUser = (credentials?: BackstageCredentials) =>
    credentials?.principal && (credentials.principal as any).type === 'user';
  const hidden = (e: any) =>
    e && stringifyEntityRef(e).toLocaleLowerCase('en-US') === HIDDEN;
  return {
    ...all,
    queryEntities: async (req: any, opts: any) => {
      const res = await all.queryEntities(req, opts);
      return isUser(opts?.credentials)
        ? { ...res, items: res.items.filter(e => !hidden(e)) }
        : res;
    },
    getEntitiesByRefs: async (req: any, opts: any) => {
      const res = await all.getEntitiesByRefs(req, opts);
      return isUser(opts?.credentials)
        ? { items: res.items.map(e => (hidden(e) ? undefined : e)) }
        : res;
    },
  };
}

async function start(result: AuthorizeResult.ALLOW | AuthorizeResult.DENY) {
  const knex = await databases.init('SQLITE_3');
  await EpisodeStore.migrate(knex);
  const store = new EpisodeStore(knex);
  const now = Date.now();
  const episode = (fingerprint: string, entityRef: string) => ({
    fingerprint,
    alertname: `A${fingerprint}`,
    entityRef,
    owner: SALES,
    priority: 'P1' as const,
    severity: 'critical',
    firedAt: now - 3_600_000,
    suppressed: false,
  });
  await store.applyPoll(
    'dev',
    [episode('e1', 'component:default/daily-sales-etl'), episode('e2', HIDDEN)],
    now - 3_000_000,
  );
  const { server } = await startTestBackend({
    features: [
      dataopsPlugin,
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => hidingCatalog() as any,
      }),
      mockServices.permissions.factory({ result }),
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          dataops: {
            alertPoller: { enabled: false },
            environments: [{ name: 'dev' }],
          },
        },
      }),
    ],
  });
  return server;
}

describe('team routes and catalog visibility', () => {
  it('lists only incidents of entities the caller can see, and 404s a hidden entity', async () => {
    const server = await start(AuthorizeResult.ALLOW);
    const res = await request(server).get(
      `/api/dataops/v1/incidents?owner=${SALES}`,
    );
    expect(res.status).toBe(200);
    const body: IncidentsResponse = res.body;
    expect(body.byEntity.map(e => e.entityRef)).toEqual([
      'component:default/daily-sales-etl',
    ]);
    expect(body.total.incidents).toBe(1);
    expect(JSON.stringify(body)).not.toContain('sales-orders');
    const one = await request(server).get(
      `/api/dataops/v1/incidents?owner=${SALES}&entity=${HIDDEN}`,
    );
    expect(one.status).toBe(404);
  });

  it('serves the routing tree only to callers allowed dataops.alertRouting.read', async () => {
    const denied = await start(AuthorizeResult.DENY);
    const res = await request(denied).get('/api/dataops/v1/alert-routing');
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/dataops\.alertRouting\.read/);
    expect(res.text).not.toContain('group:default/');

    const allowed = await start(AuthorizeResult.ALLOW);
    const ok = await request(allowed).get('/api/dataops/v1/alert-routing');
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('group:default/sales-data');
  });
});
