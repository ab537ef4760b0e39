#!/usr/bin/env node
// Set-up step run before the jest tests: makes sure the upstream API specifications the contract tests read
// are on this machine and intact (see src/specStore/specStore.mjs for the order in which they are looked
// for), prints where they come from, and exits 1 with what to do when they can neither be found nor
// downloaded. Plain Node, so it runs before anything is compiled.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSpecs } from '../src/specStore/specStore.mjs';

const packageDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
);
const manifest = JSON.parse(
  fs.readFileSync(
    path.join(packageDir, 'src', 'specStore', 'manifest.json'),
    'utf8',
  ),
);

try {
  await ensureSpecs({
    env: process.env,
    repoRoot: path.resolve(packageDir, '..', '..'),
    entries: Object.values(manifest.specs),
    log: line => console.log(line),
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
