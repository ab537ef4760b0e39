import { ChildProcess, spawn, SpawnOptions } from 'node:child_process';
import { readFile } from 'node:fs/promises';

const running = new Set<ChildProcess>();

/**
 * Runs a TypeScript entry point of this repository in a new Node.js process through Backstage's node
 * transform (as `yarn start` scripts do). Every child is remembered so {@link killAllChildren} can stop them
 * when the benchmark ends or is interrupted; none outlives the run.
 */
export function spawnTypeScript(
  entry: string,
  args: string[],
  options: SpawnOptions,
  nodeOptions: string[] = [],
): ChildProcess {
  const child = spawn(
    process.execPath,
    [
      ...nodeOptions,
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      entry,
      ...args,
    ],
    options,
  );
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** Sends SIGTERM, then SIGKILL when the child has not exited within `graceMs`. */
export async function stopChild(
  child: ChildProcess,
  graceMs = 5000,
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise<void>(resolve =>
    child.once('exit', () => resolve()),
  );
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Last resort on exit or interrupt: synchronous, so it also works from an `exit` handler. */
export function killAllChildren(): void {
  for (const child of running) {
    child.kill('SIGKILL');
  }
  running.clear();
}

/** Resident set size of a process from /proc (Linux), in bytes. */
export async function readRssBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (!match) {
    throw new Error(`no VmRSS in /proc/${pid}/status`);
  }
  return Number(match[1]) * 1024;
}

/** Clock ticks per second of /proc/<pid>/stat times; 100 on every Linux this runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

/** CPU time a process has used so far (user + system), in seconds, from /proc (Linux). */
export async function readCpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks / CLOCK_TICKS_PER_SECOND;
}
