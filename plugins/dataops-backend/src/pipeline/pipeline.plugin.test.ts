import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import type { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { dataopsPlugin } from '../plugin';

jest.setTimeout(120_000);

const job = (name: string, type: string, relations: Entity['relations']) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: type === 'iceberg-table' ? 'Resource' : 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'dataops.io/environments': 'prod' },
  },
  spec: { type, owner: 'team-a' },
  relations,
});

describe('GET /api/dataops/v1/pipeline mounted in the plugin', () => {
  it('answers the chain with a cell per environment, 404 for an unknown entity, 400 for a bad one', async () => {
    const { server } = await startTestBackend({
      features: [
        dataopsPlugin,
        catalogServiceMock.factory({
          entities: [
            job('orders-dag', 'airflow-dag', [
              { type: 'dependsOn', targetRef: 'component:default/orders-etl' },
            ]),
            job('orders-etl', 'spark-job', [
              {
                type: 'dependencyOf',
                targetRef: 'component:default/orders-dag',
              },
            ]),
          ],
        }),
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => ({ send: async () => {} }),
        }),
        mockServices.rootConfig.factory({
          data: {
            dataops: {
              environments: [{ name: 'prod', timeoutMs: 2000 }],
              pipeline: { freshnessTargetMinutes: 30 },
            },
          },
        }),
      ],
    });
    const res = await request(server).get(
      '/api/dataops/v1/pipeline/default/component/orders-etl',
    );
    expect(res.status).toBe(200);
    expect(res.body.steps.map((s: any) => s.title)).toEqual([
      'orders-dag',
      'orders-etl',
    ]);
    expect(res.body.steps[0].cells).toEqual([
      expect.objectContaining({ env: 'prod' }),
    ]);
    expect(res.body.freshnessTargetSeconds).toBe(1800);

    const missing = await request(server).get(
      '/api/dataops/v1/pipeline/default/component/nothing',
    );
    expect(missing.status).toBe(404);
    const bad = await request(server).get(
      '/api/dataops/v1/pipeline/default/component/orders-etl?env=qa',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('env');
  });
});
