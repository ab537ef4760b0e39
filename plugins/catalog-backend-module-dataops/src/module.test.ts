import request from 'supertest';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleDataOps from '.';

describe('catalogModuleDataOps', () => {
  it('makes the catalog report bad annotations as processing errors', async () => {
    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleDataOps,
        mockServices.rootConfig.factory({
          data: {
            dataops: {
              environments: [
                {
                  name: 'dev',
                  opensearch: { allowedIndexPatterns: ['logs-*'] },
                },
              ],
            },
          },
        }),
      ],
    });
    const entity = (annotations: Record<string, string>) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'daily-sales-etl', annotations },
      spec: { type: 'spark-job', owner: 'sales-data', lifecycle: 'production' },
    });
    const location = 'url:https://git.example/sales/catalog-info.yaml';

    const bad = await request(server)
      .post('/api/catalog/validate-entity')
      .send({
        location,
        entity: entity({
          'dataops.io/prometheus-selector': 'up{job="x"}',
          'dataops.io/opensearch-index.dev': 'audit-*',
        }),
      });
    expect(bad.status).toBe(400);
    const messages = bad.body.errors.map((e: { message: string }) => e.message);
    expect(messages).toHaveLength(2);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Annotation dataops\.io\/prometheus-selector: invalid selector/,
        ),
        expect.stringMatching(
          /^Annotation dataops\.io\/opensearch-index\.dev: index pattern 'audit-\*' is not inside/,
        ),
      ]),
    );

    const good = await request(server)
      .post('/api/catalog/validate-entity')
      .send({
        location,
        entity: entity({
          'dataops.io/prometheus-selector': 'job="x"',
          'dataops.io/opensearch-index.dev': 'logs-x-*',
        }),
      });
    expect(good.status).toBe(200);
  }, 60_000);
});
