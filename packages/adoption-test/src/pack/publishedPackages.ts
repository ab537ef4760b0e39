import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';

/** A workspace package that is published (not `private`). */
export interface PublishedPackage {
  name: string;
  version: string;
  /** Folder relative to the repository root, e.g. `plugins/dataops`. */
  dir: string;
  /** Names of the other published packages it depends on at run time. */
  internalDependencies: string[];
}

const WORKSPACE_FOLDERS = ['plugins', 'packages'];

/** The published workspace packages, i.e. what would go to the registry. */
export function readPublishedPackages(repoRoot: string): PublishedPackage[] {
  const manifests = WORKSPACE_FOLDERS.flatMap(folder =>
    readdirSync(path.join(repoRoot, folder), { withFileTypes: true })
      .filter(e => e.isDirectory())
      .map(e => path.posix.join(folder, e.name))
      .filter(dir => existsSync(path.join(repoRoot, dir, 'package.json')))
      .map(dir => ({
        dir,
        json: JSON.parse(
          readFileSync(path.join(repoRoot, dir, 'package.json'), 'utf8'),
        ),
      })),
  ).filter(m => m.json.private !== true);
  const names = new Set(manifests.map(m => m.json.name as string));
  return manifests.map(({ dir, json }) => ({
    name: json.name,
    version: json.version,
    dir,
    internalDependencies: Object.keys({
      ...json.dependencies,
      ...json.peerDependencies,
      ...json.optionalDependencies,
    })
      .filter(n => names.has(n))
      .sort(),
  }));
}

/**
 * Groups packages so that each group depends only on earlier groups: the build order (packages of one group
 * may build at the same time).
 */
export function dependencyLayers(
  packages: PublishedPackage[],
): PublishedPackage[][] {
  const layers: PublishedPackage[][] = [];
  const done = new Set<string>();
  let remaining = [...packages].sort((a, b) => a.name.localeCompare(b.name));
  while (remaining.length > 0) {
    const ready = remaining.filter(p =>
      p.internalDependencies.every(d => done.has(d)),
    );
    if (ready.length === 0) {
      throw new Error(
        `dependency cycle among ${remaining.map(p => p.name).join(', ')}`,
      );
    }
    layers.push(ready);
    ready.forEach(p => done.add(p.name));
    remaining = remaining.filter(p => !done.has(p.name));
  }
  return layers;
}
