import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../platform/paths';

export const APP_DIR = path.join(REPO_ROOT, 'packages', 'app');

export interface AppBuild {
  distDir: string;
  /** Wall-clock seconds of the build, or undefined when an existing build was reused. */
  seconds?: number;
  /** Removes the build again when there was none before, so the development setup is as it was found. */
  cleanUp(): void;
}

/**
 * Builds `packages/app` for production (`backstage-cli package build`: minified, with source maps), or
 * reuses `dist` when `reuse` is set and one exists.
 */
export async function buildApp(options: { reuse?: boolean; keep?: boolean }) {
  const distDir = path.join(APP_DIR, 'dist');
  const existedBefore = fs.existsSync(distDir);
  const cleanUp = () => {
    if (!existedBefore && !options.keep) {
      fs.rmSync(distDir, { recursive: true, force: true });
    }
  };
  if (options.reuse && existedBefore) {
    return { distDir, cleanUp } satisfies AppBuild;
  }
  const logFile = path.join(
    os.tmpdir(),
    `dataops-bench-app-build-${process.pid}.log`,
  );
  const log = fs.openSync(logFile, 'w');
  const started = Date.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('yarn', ['backstage-cli', 'package', 'build'], {
      cwd: APP_DIR,
      env: process.env,
      stdio: ['ignore', log, log],
    });
    child.once('error', reject);
    child.once('exit', resolve);
  });
  fs.closeSync(log);
  if (code !== 0) {
    cleanUp();
    throw new Error(`app build failed with code ${code}; see ${logFile}`);
  }
  fs.rmSync(logFile, { force: true });
  return {
    distDir,
    seconds: Math.round((Date.now() - started) / 1000),
    cleanUp,
  } satisfies AppBuild;
}
