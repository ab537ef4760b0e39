import type { ChildProcess } from 'node:child_process';
import { start, tailOf } from '../process/children';

export interface StartingSandbox {
  child: ChildProcess;
  /** Resolves with its URL, e.g. `http://127.0.0.1:41234`, once it serves. */
  ready: Promise<string>;
}

/**
 * Starts the demo sandbox from this repository (`yarn sandbox`) on a free port, with every upstream up
 * (no scripted outage), so each environment of the README config has data to show.
 */
export function startSandbox(options: {
  repoRoot: string;
  yarn: [string, string];
  env: NodeJS.ProcessEnv;
  logFile: string;
  timeoutMs?: number;
}): StartingSandbox {
  const { repoRoot, yarn, env, logFile, timeoutMs = 120_000 } = options;
  let resolveReady: (url: string) => void;
  let rejectReady: (e: Error) => void;
  const ready = new Promise<string>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  // Awaited later; a failure meanwhile must not count as unhandled.
  ready.catch(() => undefined);
  let settled = false;
  const settle = (outcome: () => void) => {
    if (!settled) {
      settled = true;
      outcome();
    }
  };
  const fail = (why: string) =>
    settle(() =>
      rejectReady(
        new Error(
          `the demo sandbox ${why}; log ${logFile}:\n${tailOf(logFile)}`,
        ),
      ),
    );
  // Fires in any case; does nothing once settled, and never keeps the process up.
  setTimeout(
    () => fail(`did not get ready within ${timeoutMs / 1000} s`),
    timeoutMs,
  ).unref();
  const child = start(yarn[0], [yarn[1], 'sandbox'], {
    cwd: repoRoot,
    env: { ...env, DATAOPS_SANDBOX_PORT: '0', DATAOPS_SANDBOX_DOWN: 'none' },
    logFile,
    onLine: line => {
      const match = /ready on (http:\/\/\S+)/.exec(line);
      if (match) {
        settle(() => resolveReady(match[1]));
      }
    },
  });
  child.once('exit', code => fail(`exited with code ${code}`));
  return { child, ready };
}
