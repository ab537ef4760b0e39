import { SpecName, SpecValidator } from '@internal/api-spec-checks';
import { startFaultServer } from '../../../__testUtils__';
import { STAND_INS } from './standIns';

const byName = Object.fromEntries(STAND_INS.map(s => [s.source, s]));

/**
 * The healthy stand-ins of the fault suite answer what the upstream specifications document, read back
 * over HTTP as the backend reads them. Prometheus publishes no machine-readable specification, so its
 * stand-in is checked by the router and client tests against a real Prometheus instead.
 */
describe('healthy fault-suite stand-ins', () => {
  it.each([
    {
      source: 'opensearch',
      method: 'POST',
      path: '/logs-spark-*/_search',
      operation: ['post', '/{index}/_search'],
    },
    {
      source: 'argocd',
      method: 'GET',
      path: '/api/v1/applications/nightly-orders-etl',
      schema: 'v1alpha1Application',
    },
    {
      source: 'alertmanager',
      method: 'GET',
      path: '/api/v2/alerts?active=true',
      operation: ['get', '/alerts'],
    },
  ])('$source answers $method $path to its specification', async c => {
    const server = await startFaultServer({ answer: byName[c.source].answer });
    try {
      const res = await fetch(`${server.url}${c.path}`, {
        method: c.method,
        body: c.method === 'POST' ? '{}' : undefined,
      });
      expect(res.status).toBe(200);
      const body = await res.json();
      const spec = SpecValidator.for(c.source as SpecName);
      const result = c.schema
        ? spec.checkSchema(c.schema, body)
        : spec.checkResponse(c.operation![0], c.operation![1], 200, body);
      expect(result.errors).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});
