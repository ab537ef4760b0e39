import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { spawnTypeScript, stopChild } from './childProcesses';
import { REPO_ROOT } from './paths';

/**
 * The demo sandbox (fake Prometheus, OpenSearch, Argo CD, Alertmanager, Iceberg per environment) in a child
 * process on a free port, so the CPU it spends answering does not land on the measured event loop.
 */
export class SandboxProcess {
  private constructor(
    private readonly child: ChildProcess,
    /** e.g. `http://127.0.0.1:41234`; serves `/<env>/<service>` for dev, stage and prod. */
    readonly url: string,
  ) {}

  static async start(timeoutMs = 120_000): Promise<SandboxProcess> {
    const cwd = path.join(REPO_ROOT, 'packages', 'dataops-sandbox');
    const child = spawnTypeScript(path.join(cwd, 'src', 'main.ts'), [], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        DATAOPS_SANDBOX_PORT: '0',
        // Every upstream answers: the scripted outages would turn measured calls into fast 503s.
        DATAOPS_SANDBOX_DOWN: 'none',
      },
    });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(
          new Error(
            `the sandbox did not start within ${timeoutMs} ms:\n${output}`,
          ),
        );
      }, timeoutMs);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /ready on (http:\/\/\S+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', code => {
        clearTimeout(timer);
        reject(new Error(`the sandbox exited with ${code}:\n${output}`));
      });
    });
    // Keep draining its output so a full pipe never blocks it.
    child.stdout!.resume();
    child.stderr!.resume();
    return new SandboxProcess(child, url);
  }

  stop(): Promise<void> {
    return stopChild(this.child);
  }
}

let shared: Promise<SandboxProcess> | undefined;

/** One sandbox for all scenarios of a run: its data is read-only, so scenarios cannot disturb each other. */
export function sharedSandbox(): Promise<SandboxProcess> {
  shared ??= SandboxProcess.start();
  return shared;
}

export async function stopSharedSandbox(): Promise<void> {
  const sandbox = await shared?.catch(() => undefined);
  shared = undefined;
  await sandbox?.stop();
}
