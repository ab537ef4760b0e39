import { spawn } from 'node:child_process';
import { requireBinary } from './binaries';

/** Outcome of one promtool run. @public */
export interface PromtoolResult {
  /** Exit code; null when the process ended on a signal. */
  exitCode: number | null;
  /** Everything promtool wrote to stdout. */
  stdout: string;
  /** Everything promtool wrote to stderr. */
  stderr: string;
  /** stdout and stderr together, for assertions and failure messages. */
  output: string;
}

/**
 * Runs the real `promtool` with arguments in a working directory and collects exit code and output.
 * Never rejects on a non-zero exit: callers assert on it.
 * @public
 */
export async function runPromtool(
  args: string[],
  options: { cwd?: string; timeoutMs?: number } = {},
): Promise<PromtoolResult> {
  requireBinary('promtool');
  return runTool('promtool', args, options);
}

/** Runs `name` with `args` and collects exit code and output; never rejects on a non-zero exit. */
export function runTool(
  name: string,
  args: string[],
  options: { cwd?: string; timeoutMs?: number } = {},
): Promise<PromtoolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(name, args, {
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', chunk => {
      stdout += chunk;
    });
    child.stderr.on('data', chunk => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `${name} ${args.join(' ')} did not finish within ${
            options.timeoutMs ?? 120_000
          } ms`,
        ),
      );
    }, options.timeoutMs ?? 120_000);
    child.on('error', error => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', exitCode => {
      clearTimeout(timer);
      resolve({ exitCode, stdout, stderr, output: `${stdout}${stderr}` });
    });
  });
}
