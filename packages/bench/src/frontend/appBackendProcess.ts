import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnTypeScript, stopChild } from '../platform/childProcesses';
import { REPO_ROOT } from '../platform/paths';
import { freePort } from '@dataops-observability/plugin-dataops-test-utils';

const BACKEND_DIR = path.join(REPO_ROOT, 'packages', 'backend');

export { freePort };

/**
 * The repository's `app-config.yaml` moved to other ports: the app and backend on `port` (the backend
 * serves the built app itself), every demo URL on `sandboxUrl`, so a run never touches the ports the
 * development setup and the browser tests use.
 */
export function relocateAppConfig(
  appConfig: string,
  port: number,
  sandboxUrl: string,
): string {
  return appConfig
    .replace(/http:\/\/localhost:(3000|7007)/g, `http://localhost:${port}`)
    .replace(/^(\s+port:\s*)7007\s*$/m, `$1${port}`)
    .replace(/http:\/\/127\.0\.0\.1:7100/g, sandboxUrl);
}

export interface AppBackendProcess {
  url: string;
  stop(): Promise<void>;
}

async function waitFor(
  what: string,
  probe: () => Promise<boolean>,
  exited: () => string | undefined,
  timeoutMs: number,
) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const exit = exited();
    if (exit) throw new Error(`backend exited before ${what}: ${exit}`);
    if (await probe().catch(() => false)) return;
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(`${what} not reached within ${timeoutMs / 1000} s`);
}

/**
 * Starts `packages/backend` in a child process with the relocated config, and resolves once it is ready and
 * the catalog has ingested `waitForEntity` (e.g. `component/default/daily-sales-etl`).
 */
export async function startAppBackend(options: {
  sandboxUrl: string;
  waitForEntity: string;
  timeoutMs?: number;
}): Promise<AppBackendProcess> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dataops-bench-app-'));
  const configFile = path.join(tmp, 'app-config.yaml');
  fs.writeFileSync(
    configFile,
    relocateAppConfig(
      fs.readFileSync(path.join(REPO_ROOT, 'app-config.yaml'), 'utf8'),
      port,
      options.sandboxUrl,
    ),
  );
  const logFile = path.join(tmp, 'backend.log');
  const log = fs.openSync(logFile, 'w');
  const child = spawnTypeScript(
    path.join(BACKEND_DIR, 'src', 'index.ts'),
    ['--config', configFile],
    {
      cwd: BACKEND_DIR,
      env: {
        ...process.env,
        // As `yarn start` runs it: the demo's guest sign-in is for development only, and the scaffolder's
        // sandbox needs the flag on Node 20+.
        NODE_ENV: 'development',
        NODE_OPTIONS: [process.env.NODE_OPTIONS, '--no-node-snapshot']
          .filter(Boolean)
          .join(' '),
      },
      stdio: ['ignore', log, log],
    },
  );
  const exited = () =>
    child.exitCode !== null || child.signalCode !== null
      ? `code ${child.exitCode ?? child.signalCode}; see ${logFile}`
      : undefined;
  const stop = async () => {
    await stopChild(child);
    fs.closeSync(log);
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  try {
    const timeoutMs = options.timeoutMs ?? 180_000;
    await waitFor(
      'readiness',
      async () => (await fetch(`${url}/.backstage/health/v1/readiness`)).ok,
      exited,
      timeoutMs,
    );
    const session = await fetch(
      `${url}/api/auth/guest/refresh?env=development`,
      { headers: { 'x-requested-with': 'XMLHttpRequest' } },
    ).then(r => r.json());
    const token = session?.backstageIdentity?.token;
    if (!token) {
      throw new Error(
        `no guest token from the backend: ${JSON.stringify(session)}`,
      );
    }
    const [kind, namespace, name] = options.waitForEntity.split('/');
    await waitFor(
      `catalog entity ${options.waitForEntity}`,
      async () =>
        (
          await fetch(
            `${url}/api/catalog/entities/by-name/${kind}/${namespace}/${name}`,
            { headers: { authorization: `Bearer ${token}` } },
          )
        ).ok,
      exited,
      timeoutMs,
    );
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, stop };
}
