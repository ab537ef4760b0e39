import { ChildProcess, spawn } from 'node:child_process';
import { freePort } from './freePort';

/** A server process started by {@link startServerProcess}. @public */
export interface ServerProcess {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Loopback port the server listens on. */
  port: number;
  /** Stops the process (SIGTERM, then SIGKILL). Safe to call twice. */
  stop(): Promise<void>;
}

/** What {@link startServerProcess} runs and how it knows the server is ready. @public */
export interface ServerProcessOptions {
  /** Binary to run, looked up on PATH. */
  command: string;
  /** Command-line flags for a server that must listen on `127.0.0.1:<port>`. */
  args(port: number): string[] | Promise<string[]>;
  /** Path polled until it answers 2xx; default `/-/ready` (Prometheus and Alertmanager). */
  readyPath?: string;
  /** How long to wait for readiness; generous by default for slow, shared machines. */
  readyTimeoutMs?: number;
}

const OUTPUT_TAIL_CHARS = 8000;
// A port found free can be taken before the server binds it; a few fresh ports make that harmless.
const PORT_ATTEMPTS = 3;

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

async function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (hasExited(child)) {
    return true;
  }
  return new Promise(resolve => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (hasExited(child)) {
    return;
  }
  child.kill('SIGTERM');
  if (!(await waitForExit(child, 10_000))) {
    child.kill('SIGKILL');
    await waitForExit(child, 5_000);
  }
}

/** Polls `url` until it answers 2xx; false when the child exits or the deadline passes first. */
async function pollReady(
  url: string,
  child: ChildProcess,
  failed: () => boolean,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !hasExited(child) && !failed()) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) {
        return true;
      }
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  return false;
}

/**
 * Spawns a server on a free loopback port and resolves once its readiness path answers. Fails with the
 * server's last output when it exits or does not become ready in time; the process is stopped then.
 * Always call `stop()` (in `afterAll`).
 * @public
 */
export async function startServerProcess(
  options: ServerProcessOptions,
): Promise<ServerProcess> {
  const { command } = options;
  const readyTimeoutMs = options.readyTimeoutMs ?? 90_000;
  let problem = '';
  for (let attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    let output = '';
    let spawnFailed = false;
    const child = spawn(command, await options.args(port), {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-OUTPUT_TAIL_CHARS);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    child.on('error', e => {
      spawnFailed = true;
      output += `\nspawn error: ${e.message}`;
    });
    const ready = await pollReady(
      `${url}${options.readyPath ?? '/-/ready'}`,
      child,
      () => spawnFailed,
      readyTimeoutMs,
    );
    if (ready) {
      let stopped = false;
      return {
        url,
        port,
        async stop() {
          if (stopped) return;
          stopped = true;
          await stopChild(child);
        },
      };
    }
    const exited = hasExited(child) || spawnFailed;
    await stopChild(child);
    problem = exited
      ? `'${command}' exited before becoming ready. Last output:\n${output}`
      : `'${command}' did not become ready within ${readyTimeoutMs} ms. Last output:\n${output}`;
    if (!/address already in use/.test(output)) {
      break;
    }
  }
  throw new Error(problem);
}
