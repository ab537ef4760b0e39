// Starts the demo environment and the app as a user would (`yarn start`: frontend dev server and backend),
// waits until they answer,
// runs the browser tests in e2e-tests/*.test.mjs with Node's test runner against Debian's Chromium, and stops
// everything it started, whatever the outcome.
import { spawn, execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox, stopSandbox } from '../scripts/lib/sandbox.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const logDir = path.join(root, 'e2e-tests', 'output');
fs.mkdirSync(logDir, { recursive: true });

const FRONTEND = process.env.E2E_FRONTEND_URL ?? 'http://localhost:3000';
const BACKEND = process.env.E2E_BACKEND_URL ?? 'http://localhost:7007';
const START_TIMEOUT_MS = Number(process.env.E2E_START_TIMEOUT_MS ?? 300_000);

function findChromium() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execSync(`command -v ${name}`, { encoding: 'utf8' }).trim();
    } catch {
      // try the next name
    }
  }
  throw new Error('No Chromium found: install the Debian package `chromium` or set CHROMIUM_PATH');
}

async function isUp(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
    return res.ok;
  } catch {
    return false;
  }
}

async function waitFor(url, what, child, logFile) {
  const t0 = Date.now();
  let lastReport = 0;
  while (Date.now() - t0 < START_TIMEOUT_MS) {
    if (child.exitCode !== null) {
      throw new Error(`${what} exited with code ${child.exitCode} before it answered; see ${logFile}`);
    }
    if (await isUp(url)) {
      console.log(`${what} is up after ${Math.round((Date.now() - t0) / 1000)} s`);
      return;
    }
    if (Date.now() - lastReport > 15_000) {
      lastReport = Date.now();
      console.log(`waiting for ${what} (${url}) ... ${Math.round((Date.now() - t0) / 1000)} s`);
    }
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(`${what} did not answer at ${url} within ${START_TIMEOUT_MS / 1000} s; see ${logFile}`);
}

function startDetached(name, command, args, env = {}) {
  const logFile = path.join(logDir, `${name}.log`);
  const out = fs.openSync(logFile, 'w');
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', out, out],
    detached: true, // own process group, so the whole tree can be stopped at once
  });
  return { child, logFile };
}

function stop(child) {
  if (child && child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

const started = [];
let exitCode = 1;
try {
  for (const url of [FRONTEND, `${BACKEND}/.backstage/health/v1/liveness`]) {
    if (await isUp(url)) {
      throw new Error(`${url} already answers: stop the running app before the browser tests start their own`);
    }
  }
  const chromium = findChromium();
  console.log(`Chromium: ${chromium}`);

  await startSandbox({ logFile: path.join(logDir, 'sandbox.log') });

  const app = startDetached('app', 'yarn', ['start'], { BROWSER: 'none' });
  started.push(app.child);
  console.log(`Starting Backstage (log: ${path.relative(root, app.logFile)})`);
  await waitFor(`${BACKEND}/.backstage/health/v1/readiness`, 'backend', app.child, app.logFile);
  await waitFor(FRONTEND, 'frontend', app.child, app.logFile);

  const tests = fs
    .readdirSync(path.join(root, 'e2e-tests'))
    .filter(f => f.endsWith('.test.mjs'))
    .map(f => path.join('e2e-tests', f));
  const runner = spawn(process.execPath, ['--test', '--test-concurrency=1', ...tests], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, CHROMIUM_PATH: chromium, E2E_FRONTEND_URL: FRONTEND, E2E_BACKEND_URL: BACKEND },
  });
  exitCode = await new Promise(resolve => runner.on('exit', code => resolve(code ?? 1)));
} catch (e) {
  console.error(`Browser tests could not run: ${e.message}`);
  exitCode = 1;
} finally {
  started.reverse().forEach(stop);
  stopSandbox();
}
process.exit(exitCode);
