import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import {
  LoggerService,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { dataopsLogsReadPermission } from '@dataops-observability/plugin-dataops-common';
import request from 'supertest';
import {
  VIEW_NAMES,
  dataopsTestConfig,
  recordingUpstreams,
  startDataOpsBackend,
} from '../hostileInput/__testUtils__';

jest.setTimeout(120_000);

const VIEWS = VIEW_NAMES;
const BASE = '/api/dataops/v1/entity/default/component/daily-sales-etl';
const OWNER = 'user:default/owner';

const secret = (label: string) => `${label}-${randomBytes(12).toString('hex')}`;
const SECRETS = {
  opensearchPassword: secret('ospw'),
  argocdToken: secret('argotok'),
  argocdPassword: secret('argopw'),
  thanosAuthorization: `Bearer ${secret('thanos')}`,
  icebergToken: secret('iceberg'),
};
const SESSION_TOKEN = `eyJhbGciOiJub25lIn0.${Buffer.from(
  JSON.stringify({ exp: Math.floor(Date.now() / 1000) + 3600 }),
).toString('base64url')}.${secret('sig')}`;

/** Every form a secret could leak in: as is, and as the Basic auth header carries a password. */
const OPENSEARCH_BASIC = Buffer.from(
  `dataops-reader:${SECRETS.opensearchPassword}`,
).toString('base64');
const FORBIDDEN = [
  ...Object.values(SECRETS).map(s => s.replace(/^Bearer /, '')),
  SESSION_TOKEN,
  OPENSEARCH_BASIC,
  Buffer.from(`admin:${SECRETS.argocdPassword}`).toString('base64'),
];

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'daily-sales-etl',
    namespace: 'default',
    description: 'Confidential revenue pipeline',
    annotations: {
      'dataops.io/prometheus-selector':
        'namespace="spark",app="confidential-app"',
      'dataops.io/spark-app-name': 'confidential-spark-app',
      'dataops.io/iceberg-table': 'finance.confidential_orders',
      'dataops.io/opensearch-index': 'logs-confidential-*',
      'dataops.io/opensearch-index.prod': 'logs-prod-confidential-*',
      'argocd/app-name': 'confidential-argo-app',
    },
  },
  spec: {
    type: 'spark-job',
    owner: 'group:default/secret-team',
    lifecycle: 'production',
  },
};
const ENTITY_DATA = [
  'Confidential revenue pipeline',
  'confidential-app',
  'confidential-spark-app',
  'confidential_orders',
  'logs-confidential',
  'confidential-argo-app',
  'secret-team',
];

/** A root logger that keeps every line with its metadata, so the test can search them. */
function capturingLogger(lines: string[]): LoggerService {
  const write = (level: string) => (message: string, meta?: Error | object) =>
    lines.push(`${level} ${message} ${inspect(meta, { depth: 8 })}`);
  const logger: LoggerService = {
    error: write('error'),
    warn: write('warn'),
    info: write('info'),
    debug: write('debug'),
    child: () => logger,
  };
  return logger;
}

function denyLogsOnly() {
  return mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(r => ({
        result:
          r.permission.name === dataopsLogsReadPermission.name
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      })),
  }).factory;
}

describe('access and secrets', () => {
  const logLines: string[] = [];
  const bodies: string[] = [];
  let upstreams: ReturnType<typeof recordingUpstreams>;

  async function start(
    options: {
      echoErrorsWithStatus?: number;
      echoLogin?: boolean;
      extra?: Parameters<typeof startDataOpsBackend>[0]['extraFeatures'];
    } = {},
  ) {
    upstreams = recordingUpstreams({
      environments: ['dev', 'prod'],
      sessionToken: SESSION_TOKEN,
      echoErrorsWithStatus: options.echoErrorsWithStatus,
      echoLogin: options.echoLogin,
    });
    upstreams.listen();
    return startDataOpsBackend({
      config: dataopsTestConfig(SECRETS),
      entity: () => entity,
      visibleTo: credentials =>
        (credentials?.principal as { userEntityRef?: string })
          ?.userEntityRef !== 'user:default/stranger',
      extraFeatures: [
        createServiceFactory({
          service: coreServices.rootLogger,
          deps: {},
          factory: () => capturingLogger(logLines),
        }),
        ...(options.extra ?? []),
      ],
    });
  }

  async function get(server: any, path: string, user = OWNER) {
    const res = await request(server)
      .get(path)
      .set('authorization', mockCredentials.user.header(user));
    bodies.push(res.text);
    return res;
  }

  afterEach(() => upstreams?.close());

  it('answers 401 on every route to a caller without credentials', async () => {
    const server = await start({
      extra: [
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
    });
    const routes = [
      '/api/dataops/v1/environments',
      ...VIEWS.map(v => `${BASE}/${v}`),
      '/api/dataops/v1/alerts?owner=group:default/secret-team',
      '/api/dataops/v1/incidents?owner=group:default/secret-team',
      '/api/dataops/v1/alert-routing',
    ];
    for (const route of routes) {
      const res = await request(server).get(route);
      bodies.push(res.text);
      expect([route, res.status]).toEqual([route, 401]);
    }
    expect(upstreams.recorded).toEqual([]);
  });

  it('answers 404 without any of the entity data to a caller the catalog does not show it to', async () => {
    const server = await start();
    for (const view of VIEWS) {
      const res = await get(server, `${BASE}/${view}`, 'user:default/stranger');
      expect(res.status).toBe(404);
      for (const data of ENTITY_DATA) {
        expect(res.text).not.toContain(data);
      }
    }
    expect(upstreams.recorded).toEqual([]);
  });

  it('denies the logs view alone when dataops.logs.read is denied', async () => {
    const server = await start({ extra: [denyLogsOnly()] });
    const logs = await get(server, `${BASE}/logs`);
    expect(logs.status).toBe(403);
    expect(logs.body.error.message).toBe(
      'You may not read the logs of this entity',
    );
    expect(upstreams.recorded.filter(r => r.kind === 'opensearch')).toEqual([]);
    for (const view of VIEWS.filter(v => v !== 'logs')) {
      const res = await get(server, `${BASE}/${view}`);
      expect([view, res.status]).toEqual([view, 200]);
    }
    const summary = await get(server, `${BASE}/summary`);
    for (const env of summary.body.environments) {
      expect(env.data.areas.logs).toEqual({
        level: 'unknown',
        reason: 'not permitted',
        cause: 'not-permitted',
      });
    }
    expect(upstreams.recorded.filter(r => r.kind === 'opensearch')).toEqual([]);
  });

  it.each([
    ['answer normally', undefined, false],
    ['answer 400 echoing the request', 400, false],
    ['answer 401 echoing the request, the login too', 401, true],
    ['answer 500 echoing the request', 500, false],
  ])(
    'sends the configured credentials and never shows them when upstreams %s',
    async (_case, status, echoLogin) => {
      const server = await start({ echoErrorsWithStatus: status, echoLogin });
      for (const view of VIEWS) {
        await get(server, `${BASE}/${view}`);
      }
      const byKind = (kind: string) =>
        upstreams.recorded.filter(r => r.kind === kind);
      // The credentials do reach the upstreams, so the echoes really contain them.
      expect(byKind('thanos')[0].headers.authorization).toBe(
        SECRETS.thanosAuthorization,
      );
      expect(byKind('opensearch')[0].headers.authorization).toBe(
        `Basic ${OPENSEARCH_BASIC}`,
      );
      expect(byKind('iceberg')[0].headers.authorization).toBe(
        `Bearer ${SECRETS.icebergToken}`,
      );
      const argoAuth = byKind('argocd').map(r => r.headers.authorization);
      expect(argoAuth).toContain(`Bearer ${SECRETS.argocdToken}`);
      // With the login failing there is no session token to send.
      expect(argoAuth.includes(`Bearer ${SESSION_TOKEN}`)).toBe(!echoLogin);
      expect(
        byKind('argocd')
          .map(r => r.body)
          .join(),
      ).toContain(SECRETS.argocdPassword);
      // With echoing upstreams the error paths were taken: the environments report the upstream errors.
      // (Any view's body: the last one, `runs`, reads no upstream for this Spark job.)
      expect(bodies.some(body => body.includes(`answered ${status}`))).toBe(
        status !== undefined,
      );
    },
  );

  // Runs last: every response and log line of the tests above, including their error paths.
  it('leaked no secret, in any form, into a response body or a log line', () => {
    expect(bodies.length).toBeGreaterThan(30);
    expect(logLines.length).toBeGreaterThan(0);
    for (const text of [...bodies, ...logLines]) {
      for (const s of FORBIDDEN) {
        expect(text).not.toContain(s);
      }
    }
  });
});
