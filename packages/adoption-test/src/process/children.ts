import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { note } from './progress';

/** Every child still running, each the leader of its own process group, so it can be stopped with its tree. */
const running = new Set<ChildProcess>();

const HEARTBEAT_MS = 30_000;
const TAIL_LINES = 40;

export interface ChildOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Everything the child prints goes here, for the error message and for reading afterwards. */
  logFile: string;
  /** Lines worth showing as progress (the rest only goes to the log). */
  echo?: (line: string) => boolean;
  /** Sees every line, e.g. to notice a "ready" message. */
  onLine?: (line: string) => void;
}

/** The last lines of a log, to put into an error message. */
export function tailOf(logFile: string, lines = TAIL_LINES): string {
  try {
    return readFileSync(logFile, 'utf8')
      .trimEnd()
      .split('\n')
      .slice(-lines)
      .map(l => `    | ${l}`)
      .join('\n');
  } catch {
    return '    | (no output)';
  }
}

function spawnLogged(
  command: string,
  args: string[],
  options: ChildOptions,
): ChildProcess {
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group: `yarn` and `backstage-cli` start grandchildren that must stop with it.
    detached: true,
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let partial = '';
  const onData = (chunk: Buffer) => {
    log.write(chunk);
    if (!options.echo && !options.onLine) {
      return;
    }
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      options.onLine?.(line);
      if (options.echo?.(line)) {
        note(line.trim());
      }
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  child.once('close', () => log.end());
  return child;
}

/** Runs a command to completion; rejects with the command, exit code and the tail of its log. */
export function run(
  label: string,
  command: string,
  args: string[],
  options: ChildOptions,
): Promise<void> {
  const started = Date.now();
  const child = spawnLogged(command, args, options);
  const heartbeat = setInterval(
    () =>
      note(
        `${label}: still running (${Math.round(
          (Date.now() - started) / 1000,
        )} s)`,
      ),
    HEARTBEAT_MS,
  );
  return new Promise((resolve, reject) => {
    child.once('error', e => {
      clearInterval(heartbeat);
      reject(new Error(`${label}: could not start ${command}: ${e.message}`));
    });
    child.once('close', (code, signal) => {
      clearInterval(heartbeat);
      if (code === 0) {
        resolve();
      } else {
        reject(
          new Error(
            `${label} failed (${signal ?? `exit code ${code}`}); log ${
              options.logFile
            }, last lines:\n${tailOf(options.logFile)}`,
          ),
        );
      }
    });
  });
}

/** Starts a long-running child (a server); stop it with {@link stop}. */
export function start(
  command: string,
  args: string[],
  options: ChildOptions,
): ChildProcess {
  return spawnLogged(command, args, options);
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // the group is gone already
  }
}

/** SIGTERM to the child's whole process group, SIGKILL when it has not exited within `graceMs`. */
export async function stop(
  child: ChildProcess,
  graceMs = 10_000,
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) {
    signalGroup(child, 'SIGKILL'); // grandchildren may outlive their parent
    return;
  }
  const exited = new Promise<void>(resolve =>
    child.once('exit', () => resolve()),
  );
  signalGroup(child, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  signalGroup(child, 'SIGKILL');
}

/** Last resort on interrupt: synchronous, kills every process group this run started. */
export function killAllChildren(): void {
  for (const child of running) {
    signalGroup(child, 'SIGKILL');
  }
  running.clear();
}
