// Starts the embedded demo platform (packages/dataops-sandbox) in the background and waits until it is ready,
// or stops the one this script started. Used by scripts/start.sh and the browser tests.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const stateDir = path.join(root, '.toolchain');
const pidFile = path.join(stateDir, 'sandbox.pid');
const port = Number(process.env.DATAOPS_SANDBOX_PORT ?? 7100);
const healthUrl = `http://127.0.0.1:${port}/healthz`;

async function isReady() {
  try {
    const res = await fetch(healthUrl, { signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

/** Starts the sandbox unless one already answers; resolves with its child process (or null when reused). */
export async function startSandbox({ logFile, timeoutMs = 120_000 } = {}) {
  if (await isReady()) {
    console.log(`A demo environment already answers on ${healthUrl}; using it.`);
    return null;
  }
  fs.mkdirSync(stateDir, { recursive: true });
  const log = logFile ?? path.join(stateDir, 'sandbox.log');
  const out = fs.openSync(log, 'w');
  const child = spawn('yarn', ['sandbox'], {
    cwd: root,
    stdio: ['ignore', out, out],
    detached: true,
    env: process.env,
  });
  fs.writeFileSync(pidFile, String(child.pid));
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    if (child.exitCode !== null) {
      throw new Error(`the demo environment exited with code ${child.exitCode}; see ${log}`);
    }
    if (await isReady()) {
      console.log(`Demo environment ready on http://127.0.0.1:${port} after ${Math.round((Date.now() - t0) / 1000)} s (log: ${path.relative(root, log)})`);
      return child;
    }
    await new Promise(r => setTimeout(r, 500));
  }
  stopSandbox();
  throw new Error(`the demo environment did not become ready within ${timeoutMs / 1000} s; see ${log}`);
}

export function stopSandbox() {
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8'));
  fs.rmSync(pidFile);
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    // already stopped
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const mode = process.argv[2];
  if (mode === '--stop') {
    stopSandbox();
  } else {
    // The sandbox keeps running after this script exits; scripts/start.sh stops it with --stop.
    startSandbox().then(child => { child?.unref(); process.exit(0); }, e => {
      console.error(`ERROR: ${e.message}`);
      process.exit(1);
    });
  }
}
