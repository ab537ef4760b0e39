import path from 'node:path';
import { spawnTypeScript } from '../platform/childProcesses';
import { BENCH_DIR } from '../platform/paths';
import type { LoadOptions, LoadResult } from './runLoad';

/** {@link LoadOptions} that cross a process boundary: the paths to cycle through instead of a function. */
export type ChildLoadOptions = Omit<LoadOptions, 'path'> & { paths: string[] };

/**
 * {@link runLoad} in a process of its own. With hundreds of connections the load generator needs a core's
 * worth of CPU; in the benchmark process it would also delay the stand-in upstreams living there, and its
 * own event loop would add its queueing to every measured latency.
 */
export function runLoadInChild(options: ChildLoadOptions): Promise<LoadResult> {
  const child = spawnTypeScript(
    path.join(BENCH_DIR, 'src', 'load', 'loadChild.ts'),
    [],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const out: Buffer[] = [];
  child.stdout!.on('data', (chunk: Buffer) => out.push(chunk));
  child.stdin!.end(JSON.stringify(options));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', code => {
      if (code !== 0) {
        reject(new Error(`load generator exited with ${code}`));
        return;
      }
      try {
        resolve(JSON.parse(Buffer.concat(out).toString()));
      } catch (e) {
        reject(e);
      }
    });
  });
}
