import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import type { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { dataopsPlugin } from '../plugin';

jest.setTimeout(120_000);

function job(name: string, owner: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: { 'dataops.io/environments': 'prod' },
    },
    spec: { type: 'spark-job', owner, lifecycle: 'production' },
    relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
  };
}

describe('GET /api/dataops/v1/fleet mounted in the plugin', () => {
  it("lists the caller's group's entities with a cell per environment", async () => {
    const { server } = await startTestBackend({
      features: [
        dataopsPlugin,
        catalogServiceMock.factory({
          entities: [job('orders-etl', 'team-a'), job('hidden', 'team-b')],
        }),
        mockServices.userInfo.mock({
          getUserInfo: async () => ({
            userEntityRef: 'user:default/mock',
            ownershipEntityRefs: ['user:default/mock', 'group:default/team-a'],
          }),
        }).factory,
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => ({ send: async () => {} }),
        }),
        mockServices.rootConfig.factory({
          data: {
            dataops: { environments: [{ name: 'prod', timeoutMs: 2000 }] },
          },
        }),
      ],
    });
    const res = await request(server).get('/api/dataops/v1/fleet');
    expect(res.status).toBe(200);
    expect(res.body.rows.map((r: any) => r.entityRef)).toEqual([
      'component:default/orders-etl',
    ]);
    expect(res.body.rows[0].cells).toHaveLength(1);
    expect(res.body.rows[0].cells[0]).toMatchObject({ env: 'prod' });
    expect(res.body.rows[0].pending).toEqual([]);

    const bad = await request(server).get('/api/dataops/v1/fleet?type=a%20b');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('type');
  });
});
