import { writeFileSync } from 'node:fs';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { UpstreamErrorType } from '@dataops-observability/plugin-dataops-common';
import request from 'supertest';
import { dataopsPlugin } from '../../../plugin';
import {
  FaultServer,
  SERVER_FAULTS,
  ServerFault,
  startFaultServer,
} from '../../../__testUtils__';
import { overrideHostLookup } from './overrideHostLookup';
import { ENTITY, STAND_INS, StandIn } from './standIns';
import { realProcess, watchProcessFailures } from './watchProcessFailures';

jest.setTimeout(30_000);

/** Per-call timeout of every environment (`timeoutMs`), short so the suite stays fast. */
const TIMEOUT_MS = 1000;
/** EntityViewService gives one environment at most this many call timeouts in total. */
const ENVIRONMENT_BUDGET = 3;
/** Scheduling and start-up noise on a busy 2-core machine. */
const MARGIN_MS = 750;
const MAX_RESPONSE_BYTES = 256 * 1024;
const RETRY_AFTER_SECONDS = 7;
const ENVS = ['dev', 'stage', 'prod'];
const FAULTY = 'stage';

type FaultClass = ServerFault | 'unknown-host';

const FAULT_CLASSES: FaultClass[] = [...SERVER_FAULTS, 'unknown-host'];

/** What the faulty environment's entry must say, per fault class. */
const EXPECTED: Record<
  FaultClass,
  { type: UpstreamErrorType; statusCode?: number; message: RegExp }
> = {
  timeout: {
    type: 'UPSTREAM_TIMEOUT',
    message: /did not answer within 1000 ms/,
  },
  'slow-drip': {
    type: 'UPSTREAM_TIMEOUT',
    message: /did not answer within 1000 ms/,
  },
  refused: { type: 'UPSTREAM_ERROR', message: /ECONNREFUSED/ },
  'http-500': {
    type: 'UPSTREAM_ERROR',
    statusCode: 500,
    message: /answered 500/,
  },
  'http-503': {
    type: 'UPSTREAM_ERROR',
    statusCode: 503,
    message: /answered 503.*retry after 7 s/,
  },
  'http-429': {
    type: 'UPSTREAM_ERROR',
    statusCode: 429,
    message: /answered 429.*retry after 7 s/,
  },
  'malformed-json': { type: 'BAD_RESPONSE', message: /not JSON/ },
  truncated: {
    type: 'UPSTREAM_ERROR',
    message: /closed the connection after \d+ of \d+ bytes/,
  },
  oversized: {
    type: 'BAD_RESPONSE',
    message: /answer is larger than 262144 bytes/,
  },
  'wrong-shape': { type: 'BAD_RESPONSE', message: /.+/ },
  'unknown-host': { type: 'UPSTREAM_ERROR', message: /ENOTFOUND/ },
};

const figures: Array<{
  source: string;
  fault: FaultClass;
  faultyMs: number;
  recoveredMs: number;
}> = [];

const PATH = `/api/dataops/v1/entity/default/component/${ENTITY.metadata.name}`;
/** An absolute range, so the request after recovery has exactly the same cache key. */
const RANGE = 'from=2026-01-01T09:00:00Z&to=2026-01-01T10:00:00Z';

async function startBackend(standIn: StandIn, urls: Record<string, string>) {
  return startTestBackend({
    features: [
      dataopsPlugin,
      catalogServiceMock.factory({ entities: [ENTITY] }),
      mockServices.rootConfig.factory({
        data: {
          dataops: {
            alertPoller: { enabled: false },
            environments: ENVS.map(name => ({
              name,
              timeoutMs: TIMEOUT_MS,
              maxResponseBytes: MAX_RESPONSE_BYTES,
              ...standIn.configure(urls[name]),
            })),
          },
        },
      }),
    ],
  });
}

function byEnv(body: any): Record<string, any> {
  return Object.fromEntries(body.environments.map((e: any) => [e.env, e]));
}

function expectHealthy(standIn: StandIn, entry: any) {
  expect(entry.status).toBe('ok');
  expect(standIn.isComplete(entry.data)).toBe(true);
}

describe('upstream faults in one of three environments', () => {
  const watch = watchProcessFailures();

  afterAll(() => {
    watch.stop();
    // Opt-in figures for docs/reliability.md; the assertions do not depend on them.
    if (process.env.DATAOPS_FAULT_FIGURES) {
      writeFileSync(
        process.env.DATAOPS_FAULT_FIGURES,
        JSON.stringify(figures, null, 2),
      );
    }
  });

  it('notices an unhandled rejection, so the checks below can fail', async () => {
    // Jest's own handler would fail this test for the deliberate rejection; it is set aside meanwhile.
    const real = realProcess();
    const jestHandlers = real.listeners('unhandledRejection');
    real.removeAllListeners('unhandledRejection');
    const probe = watchProcessFailures();
    try {
      Promise.reject(new Error('deliberately unhandled'));
      await new Promise(resolve => setTimeout(resolve, 20));
      expect(probe.failures).toEqual([
        expect.stringContaining('deliberately unhandled'),
      ]);
    } finally {
      probe.stop();
      real.removeAllListeners('unhandledRejection');
      jestHandlers.forEach(h => real.on('unhandledRejection', h as any));
    }
  });

  describe.each(STAND_INS.map(s => [s.source, s.view, s] as const))(
    '%s (%s view)',
    (source, view, standIn) => {
      it.each(FAULT_CLASSES)('%s', async fault => {
        const servers: Record<string, FaultServer> = {};
        let restoreLookup: (() => void) | undefined;
        let backend: Awaited<ReturnType<typeof startBackend>> | undefined;
        try {
          for (const env of ENVS) {
            servers[env] = await startFaultServer({
              answer: standIn.answer,
              oversizedBytes: 4 * MAX_RESPONSE_BYTES,
              retryAfterSeconds: RETRY_AFTER_SECONDS,
            });
          }
          const faultyHost = `${FAULTY}-${source}.invalid`;
          const urls = Object.fromEntries(
            ENVS.map(env => [env, servers[env].url]),
          );
          if (fault === 'unknown-host') {
            urls[FAULTY] = `http://${faultyHost}:${servers[FAULTY].port}`;
          } else {
            await servers[FAULTY].setFault(fault);
          }
          backend = await startBackend(standIn, urls);
          const url = `${PATH}/${view}?${RANGE}`;

          const started = Date.now();
          const res = await request(backend.server).get(url);
          const faultyMs = Date.now() - started;

          expect(res.status).toBe(200);
          const entries = byEnv(res.body);
          const expected = EXPECTED[fault];
          expect(entries[FAULTY]).toMatchObject({
            status: 'error',
            error: {
              source,
              type: expected.type,
              ...(expected.statusCode
                ? { statusCode: expected.statusCode }
                : {}),
            },
          });
          expect(entries[FAULTY].error.message).toMatch(expected.message);
          expectHealthy(standIn, entries.dev);
          expectHealthy(standIn, entries.prod);
          expect(faultyMs).toBeLessThanOrEqual(
            TIMEOUT_MS * ENVIRONMENT_BUDGET + MARGIN_MS,
          );

          // Recovery: the same request must reach the upstream again, not replay the error.
          if (fault === 'unknown-host') {
            restoreLookup = overrideHostLookup(faultyHost, '127.0.0.1');
          } else {
            await servers[FAULTY].setFault(undefined);
          }
          const before = servers[FAULTY].requests;
          const again = Date.now();
          const recovered = await request(backend.server).get(url);
          const recoveredMs = Date.now() - again;
          expect(recovered.status).toBe(200);
          expectHealthy(standIn, byEnv(recovered.body)[FAULTY]);
          expect(servers[FAULTY].requests).toBeGreaterThan(before);

          // Late rejections (a dangling second call, an aborted body) would surface by now.
          await new Promise(resolve => setTimeout(resolve, 50));
          expect(watch.failures).toEqual([]);
          figures.push({ source, fault, faultyMs, recoveredMs });
        } finally {
          restoreLookup?.();
          await backend?.stop();
          await Promise.all(Object.values(servers).map(s => s.stop()));
        }
      });
    },
  );
});
