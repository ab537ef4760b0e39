import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  TestDatabases,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import fc from 'fast-check';
import request from 'supertest';
import { dataopsPlugin } from '../../plugin';
import { AlertmanagerClient, alertmanagerSource } from '../../sources';
import { OWNERSHIP_ENTITIES, readConfigWithSources } from '../../__testUtils__';
import { AlertPoller, EpisodeStore } from '../incidents';

// PostgreSQL runs as a service next to the tests; its column widths are what a long value runs into.
process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??=
  'postgresql://postgres@127.0.0.1:5432';

jest.setTimeout(300_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

/** Label names and values that broke, or could break, code treating labels as object keys or regexes. */
const HOSTILE = [
  ...Object.getOwnPropertyNames(Object.prototype),
  '',
  'x'.repeat(10_240),
  'ünïcödé 🚨 警报',
  '\ud83d',
  '.*+?()[]{}|\\^$',
  '([A-Za-z]+)+!',
  'P1',
  'p2',
];
/** Labels the suite reads, so hostile values reach every code path. */
const READ = [
  'alertname',
  'severity',
  'priority',
  'env',
  'backstage_entity',
  'namespace',
  'app',
  'job',
];

const hostileText = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);
const labelSet = fc
  .tuple(
    fc.array(
      fc.tuple(fc.oneof(fc.constantFrom(...READ), hostileText), hostileText),
      {
        maxLength: 8,
      },
    ),
    fc.boolean(),
  )
  .map(([entries, owned]) =>
    Object.fromEntries([
      // Half of them are owned by an entity, so ownership, priorities and episodes all see them.
      ...(owned
        ? [
            ['namespace', 'spark'],
            ['app', 'daily-sales-etl'],
          ]
        : []),
      ...entries,
    ]),
  );
const alertList = fc.array(
  fc.tuple(
    labelSet,
    fc.oneof(hostileText, fc.stringMatching(/^[0-9a-f]{16}$/)),
  ),
  { minLength: 1, maxLength: 6 },
);

describe('hostile alert labels', () => {
  let upstream: Server;
  let served: unknown[] = [];
  let server: any;
  let poller: AlertPoller;

  beforeAll(async () => {
    upstream = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(served));
    });
    await new Promise<void>(r => upstream.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    const knex = await databases.init('POSTGRES_15');
    await EpisodeStore.migrate(knex);
    const environments = ['dev', 'prod'].map(name => ({
      name,
      timeoutMs: 5000,
      alertmanager: { url },
    }));
    const dataops = {
      alertPoller: { enabled: false },
      // Every request must reach the alerts again, not a cached answer of the previous run.
      cacheTtlSeconds: { alerts: 0, summary: 0 },
      environments,
    };
    ({ server } = await startTestBackend({
      features: [
        dataopsPlugin,
        catalogServiceMock.factory({ entities: OWNERSHIP_ENTITIES }),
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({ data: { dataops } }),
      ],
    }));
    const { config, sources } = readConfigWithSources({ dataops });
    poller = new AlertPoller({
      config,
      alertmanager: env =>
        sources.client<AlertmanagerClient>(env, alertmanagerSource),
      catalog: catalogServiceMock({ entities: OWNERSHIP_ENTITIES }),
      auth: mockServices.auth(),
      store: new EpisodeStore(knex),
      logger: mockServices.logger.mock(),
    });
  });

  afterAll(async () => {
    await new Promise(r => upstream?.close(r));
  });

  const paths = [
    '/api/dataops/v1/alerts?owner=group:default/sales-data',
    '/api/dataops/v1/alerts?owner=group:default/data-engineering',
    '/api/dataops/v1/entity/default/component/daily-sales-etl/alerts',
    '/api/dataops/v1/entity/default/component/daily-sales-etl/summary?env=dev',
    '/api/dataops/v1/incidents?owner=group:default/sales-data',
  ];

  it('never answers 5xx, never fails a view or a poll', async () => {
    let poll = Date.now();
    await fc.assert(
      fc.asyncProperty(alertList, async alerts => {
        served = alerts.map(([labels, fingerprint]) => ({
          labels,
          annotations: {
            summary: labels.alertname ?? '',
            [String(fingerprint)]: 'x',
          },
          fingerprint,
          startsAt: new Date(poll - 60_000).toISOString(),
          endsAt: new Date(poll + 3_600_000).toISOString(),
          status: { state: 'active', silencedBy: [], inhibitedBy: [] },
        }));
        for (const path of paths) {
          const res = await request(server).get(path);
          expect({ path, status: res.status }).toEqual({ path, status: 200 });
          for (const env of res.body.environments ?? []) {
            expect(env.status).not.toBe('error');
          }
        }
        poll += 30_000;
        const result = await poller.poll(poll);
        for (const changes of Object.values(result)) {
          expect(changes).not.toHaveProperty('error');
        }
      }),
      { numRuns: 40 },
    );
  });

  it('gives an Object.prototype severity the default priority instead of a 500', async () => {
    served = Object.getOwnPropertyNames(Object.prototype).map(
      (severity, i) => ({
        labels: {
          alertname: `A${i}`,
          severity,
          namespace: 'spark',
          app: 'daily-sales-etl',
        },
        annotations: {},
        fingerprint: `f${i}`,
        startsAt: new Date().toISOString(),
        status: { state: 'active', silencedBy: [], inhibitedBy: [] },
      }),
    );
    const res = await request(server).get(paths[0]);
    expect(res.status).toBe(200);
    const listed = res.body.entities[0].alertsByPriority;
    expect(listed.P3).toHaveLength(served.length);
  });
});
