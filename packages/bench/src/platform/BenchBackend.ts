import type { ChildProcess } from 'node:child_process';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type {
  MemoryProbeAnswer,
  MemoryProbeRequest,
} from '../backend/memoryProbe';
import type { BackendReadyMessage } from '../backend/tokenReporterPlugin';
import { BenchBackendOptions, benchBackendConfig } from './backendConfig';
import {
  readCpuSeconds,
  readRssBytes,
  spawnTypeScript,
  stopChild,
} from './childProcesses';
import { BENCH_DIR } from './paths';
import { freePort } from '@dataops-observability/plugin-dataops-test-utils';

/** A port that was free a moment ago; the backend needs it before listening to build its base URL. */
export { freePort };

/**
 * A Backstage backend with the dataops plugin in its own Node.js process (see backend/benchBackend.ts):
 * measured latency and memory are the backend's alone, not the load generator's, and requests carry a real
 * service token through the real auth middleware.
 */
export class BenchBackend {
  private constructor(
    private readonly child: ChildProcess,
    private readonly dir: string,
    readonly url: string,
    /** `Authorization` header value for the dataops plugin. */
    readonly authorization: string,
  ) {}

  static async start(
    options: Omit<BenchBackendOptions, 'port'>,
    timeoutMs = 180_000,
  ): Promise<BenchBackend> {
    const port = await freePort();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dataops-bench-'));
    const configFile = path.join(dir, 'app-config.json');
    await writeFile(
      configFile,
      JSON.stringify(benchBackendConfig({ ...options, port }), null, 2),
    );
    const log = await open(path.join(dir, 'backend.log'), 'w');
    const child = spawnTypeScript(
      path.join(BENCH_DIR, 'src', 'backend', 'benchBackend.ts'),
      ['--config', configFile],
      {
        cwd: BENCH_DIR,
        stdio: ['ignore', log.fd, log.fd, 'ipc'],
        env: { ...process.env, NODE_ENV: 'production' },
      },
      [
        '--expose-gc',
        // BENCH_CPU_PROFILE_DIR=dir writes the backend's V8 CPU profile there when it stops (see the README).
        ...(process.env.BENCH_CPU_PROFILE_DIR
          ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROFILE_DIR]
          : []),
        // BENCH_HEAP_PROFILE_DIR=dir: the sampled allocations still live when it stops, by call stack.
        ...(process.env.BENCH_HEAP_PROFILE_DIR
          ? ['--heap-prof', '--heap-prof-dir', process.env.BENCH_HEAP_PROFILE_DIR]
          : []),
      ],
    );
    await log.close();
    const url = `http://127.0.0.1:${port}`;
    try {
      const token = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no ready message within ${timeoutMs} ms`)),
          timeoutMs,
        );
        child.on('message', (m: BackendReadyMessage) => {
          if (m?.type === 'bench-backend-ready') {
            clearTimeout(timer);
            resolve(m.token);
          }
        });
        child.once('exit', code => {
          clearTimeout(timer);
          reject(new Error(`exited with ${code}`));
        });
      });
      await waitUntilReady(url, timeoutMs);
      return new BenchBackend(child, dir, url, `Bearer ${token}`);
    } catch (e) {
      await stopChild(child);
      throw new Error(
        `benchmark backend did not start (${
          (e as Error).message
        }); log: ${path.join(dir, 'backend.log')}`,
      );
    }
  }

  get pid(): number {
    return this.child.pid!;
  }

  rssBytes(): Promise<number> {
    return readRssBytes(this.pid);
  }

  /** CPU time the backend process has used since it started, seconds. */
  cpuSeconds(): Promise<number> {
    return readCpuSeconds(this.pid);
  }

  /** Resident and heap memory right after a full garbage collection in the backend process. */
  memoryAfterGc(timeoutMs = 30_000): Promise<MemoryProbeAnswer> {
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined = undefined;
      const onMessage = (m: MemoryProbeAnswer) => {
        if (m?.type === 'bench-memory') {
          clearTimeout(timer);
          this.child.off('message', onMessage);
          resolve(m);
        }
      };
      timer = setTimeout(() => {
        this.child.off('message', onMessage);
        reject(new Error(`no memory answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.child.on('message', onMessage);
      const request: MemoryProbeRequest = { type: 'bench-memory-probe' };
      this.child.send(request);
    });
  }

  /** One authenticated GET; the body parsed as JSON. */
  async get<T = unknown>(pathAndQuery: string): Promise<T> {
    const res = await fetch(`${this.url}${pathAndQuery}`, {
      headers: { authorization: this.authorization },
    });
    if (!res.ok) {
      throw new Error(
        `GET ${pathAndQuery} answered ${res.status}: ${await res.text()}`,
      );
    }
    return (await res.json()) as T;
  }

  async stop(): Promise<void> {
    await stopChild(this.child);
    await rm(this.dir, { recursive: true, force: true });
  }
}

async function waitUntilReady(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(`${url}/.backstage/health/v1/readiness`);
      if (res.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      throw new Error(`not ready within ${timeoutMs} ms`);
    }
    await new Promise(r => setTimeout(r, 200));
  }
}
