import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import manifest from './specStore/manifest.json';
import {
  locateSpecs,
  readSpec,
  specsNotFoundMessage,
} from './specStore/specStore.mjs';
import type { SpecEntry } from './specStore/specStore.mjs';

export type SpecName = keyof typeof manifest.specs;

const SPEC_ENTRIES: Record<SpecName, SpecEntry> = manifest.specs;

/**
 * The upstream specifications the suite is contract-tested against, by short name: where each lives inside
 * a specs folder. Sources, pinned commits and checksums are in `specStore/manifest.json`.
 */
export const SPEC_FILES = Object.fromEntries(
  Object.entries(SPEC_ENTRIES).map(([name, entry]) => [name, entry.file]),
) as Record<SpecName, string>;

/** Tests run with the working directory inside the repository (its root or a package folder). */
function findRepoRoot(): string {
  let dir = process.cwd();
  while (!fs.existsSync(path.join(dir, '.yarnrc.yml'))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`Cannot find the repository root above ${process.cwd()}`);
    }
    dir = parent;
  }
  return dir;
}

function locate() {
  const entries = Object.values(SPEC_ENTRIES);
  const repoRoot = findRepoRoot();
  const location = locateSpecs({ env: process.env, repoRoot, entries });
  if (!location) {
    throw new Error(specsNotFoundMessage(repoRoot, entries));
  }
  return location;
}

/**
 * Where the specification copies live. They are kept outside the repository (they are upstream files, not
 * ours): the folder `DATAOPS_SPECS_DIR` names, else `shared/specs` beside the repository folder when it holds
 * them, else the download cache that `bin/ensure-specs.mjs` fills (run by `scripts/test.sh`).
 */
export function findSpecsDir(): string {
  return locate().dir;
}

// Parsed documents by file path (the OpenSearch bundle alone is 2.7 MB), so a changed DATAOPS_SPECS_DIR
// never serves a document read from elsewhere.
const cache = new Map<string, any>();

/** Loads, verifies against its pinned checksum, and parses one specification. */
export function loadSpec(name: SpecName): any {
  const location = locate();
  const entry = SPEC_ENTRIES[name];
  const file = path.join(location.dir, entry.file);
  const cached = cache.get(file);
  if (cached) {
    return cached;
  }
  const text = readSpec(location, entry).toString('utf8');
  const doc = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  cache.set(file, doc);
  return doc;
}
