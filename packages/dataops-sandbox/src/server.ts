import express, { NextFunction, Request, Response } from 'express';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { createAirflowRouter } from './airflow';
import { createAlertmanagerRouter } from './alertmanager';
import { createArgoCdRouter } from './argocd';
import { createIcebergRouter } from './iceberg';
import { createKubernetesRouter } from './kubernetes';
import { createOpenSearchRouter } from './opensearch';
import { createSparkHistoryRouter } from './sparkHistory';
import { createPrometheusRouter, generateSeries, MemorySource } from './prometheus';
import { createPrometheusProxy, startPrometheusBackends } from './realPrometheus';
import { ENVIRONMENTS, Env, Scenario, ServiceName } from './scenario';

export interface SandboxOptions {
  scenario: Scenario;
  port?: number;
  host?: string;
  log?: (line: string) => void;
  now?: () => number;
  /** Serve `/<env>/prometheus` from a real Prometheus per environment over backfilled history, when installed. */
  realPrometheus?: boolean;
}

export interface RunningSandbox {
  url: string;
  port: number;
  seriesCount: Record<string, number>;
  /** Environments whose Prometheus API is a real Prometheus (real Prometheus mode), by its URL. */
  realPrometheusUrls: Partial<Record<Env, string>>;
  close(): Promise<void>;
}

const SERVICE_PATHS: Record<ServiceName, string> = {
  prometheus: 'prometheus',
  opensearch: 'opensearch',
  argocd: 'argocd',
  alertmanager: 'alertmanager',
  k8s: 'k8s',
  iceberg: 'iceberg',
  airflow: 'airflow',
  sparkHistory: 'spark-history',
};

/** A 503 in the error shape each service's clients parse; the others take the Prometheus shape. */
function unavailableBody(service: ServiceName, message: string): unknown {
  if (service === 'iceberg') {
    return { error: { message, type: 'ServiceUnavailableException', code: 503 } };
  }
  if (service === 'airflow') {
    return { type: 'about:blank', title: 'Service Unavailable', status: 503, detail: message };
  }
  return { status: 'error', errorType: 'unavailable', error: message };
}

/** Down and slow switches sit in front of every fake so an outage looks the same whichever service it hits. */
function faultGate(scenario: Scenario, env: Env, service: ServiceName) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const proceed = () => {
      if (scenario.faults.isDown(env, service)) {
        res.status(503).json(unavailableBody(service, `${service} of ${env} is down (sandbox fault)`));
        return;
      }
      next();
    };
    const delay = scenario.faults.delayMs(env, service);
    if (delay > 0) setTimeout(proceed, delay);
    else proceed();
  };
}

/** Starts one HTTP server with every fake of every environment under `/<env>/<service>`. */
export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const { scenario } = options;
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? (() => {});
  const now = options.now ?? Date.now;
  const app = express();
  app.disable('x-powered-by');
  let ready = false;
  const seriesCount: Record<string, number> = {};

  app.get('/healthz', (_req, res) => {
    if (!ready) return res.status(503).json({ status: 'starting' });
    return res.json({ status: 'ready', environments: ENVIRONMENTS, faults: scenario.faults.describe() });
  });

  const seriesByEnv = Object.fromEntries(ENVIRONMENTS.map(env => [env, generateSeries(scenario, env)]));
  const backends = options.realPrometheus ? await startPrometheusBackends(seriesByEnv, scenario.anchorMs, log) : {};
  for (const env of ENVIRONMENTS) {
    const series = seriesByEnv[env];
    seriesCount[env] = series.length;
    const backend = backends[env];
    const routers: Record<ServiceName, express.Router> = {
      prometheus: backend ? createPrometheusProxy(backend.url) : createPrometheusRouter(new MemorySource(series), now),
      opensearch: createOpenSearchRouter(scenario, env, now),
      argocd: createArgoCdRouter(scenario, env),
      alertmanager: createAlertmanagerRouter(scenario, env, now(), now),
      k8s: createKubernetesRouter(scenario, env, now),
      iceberg: createIcebergRouter(scenario, env, now),
      airflow: createAirflowRouter(scenario, env, now),
      sparkHistory: createSparkHistoryRouter(scenario, env, now),
    };
    for (const service of Object.keys(routers) as ServiceName[]) {
      app.use(`/${env}/${SERVICE_PATHS[service]}`, faultGate(scenario, env, service), routers[service]);
    }
  }
  app.use((req, res) => res.status(404).json({ error: `no sandbox service at ${req.path}; paths are /<dev|stage|prod>/<prometheus|opensearch|argocd|alertmanager|iceberg|airflow|spark-history|k8s/<env>-compute>` }));
  app.use((err: Error, _req: Request, res: Response, _next: NextFunction) => {
    const status = (err as any).status ?? (err as any).statusCode ?? 500;
    res.status(status).json({ error: status < 500 ? err.message : 'internal sandbox error' });
    if (status >= 500) log(`error: ${err.stack ?? err.message}`);
  });

  const server = http.createServer(app);
  // Clients (the backend's fetch, the tests) keep connections alive and reuse them. Node closes an idle
  // connection after 5 s by default, which races with a request sent on it at that moment and surfaces as a
  // spurious "fetch failed" on a slow machine; keep idle connections longer than the clients do.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const stopBackends = () => Promise.all(Object.values(backends).map(b => b.stop()));
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 7100, host, () => resolve());
    });
  } catch (e) {
    await stopBackends();
    throw e;
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}`;
  const services = Object.keys(SERVICE_PATHS) as ServiceName[];
  for (const service of services) {
    const urls = ENVIRONMENTS.map(env =>
      service === 'k8s' ? `${url}/${env}/k8s/${env}-compute` : `${url}/${env}/${SERVICE_PATHS[service]}`,
    );
    log(`${service.padEnd(12)} ${urls.join('  ')}`);
  }
  const realPrometheusUrls = Object.fromEntries(Object.entries(backends).map(([env, b]) => [env, b.url]));
  for (const [env, target] of Object.entries(realPrometheusUrls)) {
    log(`real Prometheus for ${env} at ${target}, proxied from ${url}/${env}/prometheus`);
  }
  ready = true;
  return {
    url,
    port,
    seriesCount,
    realPrometheusUrls,
    close: async () => {
      await new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await stopBackends();
    },
  };
}
