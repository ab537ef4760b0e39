import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { start, tailOf } from '../process/children';
import { note } from '../process/progress';

/** A JSON answer of the backend. */
export interface Answer {
  status: number;
  body: any;
}

export async function getJson(url: string, token: string): Promise<Answer> {
  const res = await fetch(url, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(60_000),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: kept as text for the error message
  }
  return { status: res.status, body };
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/**
 * `backstage-cli package start` watches for changes and stays up when the backend process dies, so a crash
 * shows only in the output: Node's footer after an uncaught error, or Backstage's start-up failure.
 */
export function isBackendCrash(line: string): boolean {
  return (
    /^Node\.js v\d+\.\d+\.\d+\s*$/.test(line) ||
    /Backend failed to start up/.test(line)
  );
}

/** The backend did not come up; `child` is still to be stopped. */
export class BackendStartError extends Error {
  constructor(message: string, readonly child: ChildProcess) {
    super(message);
    this.name = 'BackendStartError';
  }
}

/**
 * Starts the app's backend as its adopter would (`yarn start` in packages/backend, i.e.
 * `backstage-cli package start` with the app-config.yaml at the app's root) and waits until it is ready.
 */
export async function startBackend(options: {
  appRoot: string;
  yarn: [string, string];
  env: NodeJS.ProcessEnv;
  port: number;
  logFile: string;
  timeoutMs?: number;
}): Promise<ChildProcess> {
  const { appRoot, yarn, env, port, logFile, timeoutMs = 240_000 } = options;
  let crashed = false;
  const child = start(yarn[0], [yarn[1], 'start'], {
    cwd: path.join(appRoot, 'packages', 'backend'),
    env,
    logFile,
    onLine: line => {
      crashed ||= isBackendCrash(line);
    },
  });
  const readiness = `http://127.0.0.1:${port}/.backstage/health/v1/readiness`;
  const t0 = Date.now();
  let lastNote = t0;
  while (Date.now() - t0 < timeoutMs) {
    if (child.exitCode !== null || crashed) {
      throw new BackendStartError(
        `the backend ${
          crashed ? 'crashed' : `exited with code ${child.exitCode}`
        } before it was ready; log ${logFile}:\n${tailOf(logFile)}`,
        child,
      );
    }
    try {
      const res = await fetch(readiness, { signal: AbortSignal.timeout(2000) });
      if (res.ok) {
        note(`backend ready after ${Math.round((Date.now() - t0) / 1000)} s`);
        return child;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() - lastNote > 15_000) {
      lastNote = Date.now();
      note(
        `waiting for the backend (${Math.round((Date.now() - t0) / 1000)} s)`,
      );
    }
    await sleep(1000);
  }
  throw new BackendStartError(
    `the backend was not ready within ${
      timeoutMs / 1000
    } s; log ${logFile}:\n${tailOf(logFile)}`,
    child,
  );
}

/** Repeats a GET while it answers 404 (the catalog has not ingested the entity yet). */
export async function getJsonOnceFound(
  url: string,
  token: string,
  timeoutMs = 120_000,
): Promise<Answer> {
  const t0 = Date.now();
  for (;;) {
    const answer = await getJson(url, token);
    if (answer.status !== 404 || Date.now() - t0 > timeoutMs) {
      return answer;
    }
    await sleep(2000);
  }
}
