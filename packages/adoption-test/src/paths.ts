import { readdirSync } from 'node:fs';
import path from 'node:path';

/** The repository root (this file is `packages/adoption-test/src/paths.ts`). */
// This package always runs from its sources (it is never built), so __dirname is this folder.
// eslint-disable-next-line no-restricted-syntax
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** The committed Yarn release, so no machine needs a global Yarn or corepack. */
export function committedYarnRelease(repoRoot: string): string {
  const releases = path.join(repoRoot, '.yarn', 'releases');
  const files = readdirSync(releases).filter(f => /^yarn-.*\.cjs$/.test(f));
  if (files.length !== 1) {
    throw new Error(
      `expected exactly one yarn-*.cjs in .yarn/releases, found ${
        files.join(', ') || 'none'
      }`,
    );
  }
  return path.join(releases, files[0]);
}
