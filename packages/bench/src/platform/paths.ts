import path from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';

export const BENCH_DIR = resolvePackagePath('@internal/bench');

/** The repository root: the benchmark drives other workspaces (the sandbox) and writes docs/. */
export const REPO_ROOT = path.resolve(BENCH_DIR, '..', '..');
