import express from 'express';
import request from 'supertest';
import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { EnvironmentSources } from '../sources';
import { createEntityViewRouter } from './createEntityViewRouter';
import type { EntityViewService } from './EntityViewService';

/** The router's own work around a view: whose catalog lookups it reuses, and for how long. */
describe('entity view router catalog lookups', () => {
  const entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'etl', namespace: 'default' },
  };
  const lookups: string[] = [];
  const catalog = {
    getEntityByRef: async (_ref: unknown, options: { credentials: any }) => {
      lookups.push(options.credentials.principal.userEntityRef);
      return entity;
    },
  } as unknown as CatalogService;
  const httpAuth = {
    credentials: async (req: express.Request) =>
      mockCredentials.user(`user:default/${req.header('x-user')}`),
  } as unknown as HttpAuthService;
  const views = {
    runBytes: async () => Buffer.from('{"environments":[]}'),
  } as unknown as EntityViewService;

  async function app(entityCacheMs?: number) {
    const router = await createEntityViewRouter({
      httpAuth,
      catalog,
      sources: {} as EnvironmentSources,
      views,
      entityCacheMs,
    });
    return express().use(router);
  }

  beforeEach(() => {
    lookups.length = 0;
  });

  const path = '/v1/entity/default/component/etl/metrics';

  it('looks the entity up on every request by default', async () => {
    const server = await app();
    await request(server).get(path).set('x-user', 'alice');
    await request(server).get(path).set('x-user', 'alice');
    expect(lookups).toHaveLength(2);
  });

  it("reuses a caller's lookup briefly when configured, never another caller's", async () => {
    const server = await app(2_000);
    await request(server).get(path).set('x-user', 'alice');
    await request(server).get(path).set('x-user', 'alice');
    await request(server).get(path).set('x-user', 'bob');
    expect(lookups).toEqual(['user:default/alice', 'user:default/bob']);
  });

  it('looks up again once the reuse window is over', async () => {
    const server = await app(1);
    await request(server).get(path).set('x-user', 'alice');
    await new Promise(r => setTimeout(r, 5));
    await request(server).get(path).set('x-user', 'alice');
    expect(lookups).toHaveLength(2);
  });

  it('answers the view as JSON with its length, without hashing it for an ETag', async () => {
    const server = await app(0);
    const res = await request(server).get(path).set('x-user', 'alice');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-length']).toBe('19');
    expect(res.headers.etag).toBeUndefined();
    expect(res.body).toEqual({ environments: [] });
  });
});
