import fs from 'node:fs';
import path from 'node:path';

/** Where a package's `package.json` is, as Node would find it from `fromDir`; undefined when not installed. */
export function findPackageDir(
  name: string,
  fromDir: string,
): string | undefined {
  let dir = fromDir;
  for (;;) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) {
      return fs.realpathSync(candidate);
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function declaredDependencies(packageDir: string): string[] {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'),
  );
  return Object.keys({
    ...manifest.dependencies,
    ...manifest.peerDependencies,
    ...manifest.optionalDependencies,
  });
}

/**
 * Installed package directories reachable from `rootDir` through declared dependencies, never entering the
 * packages named in `skip`. Comparing the closure with and without a plugin gives the packages that only
 * the plugin brings in.
 */
export function dependencyClosure(
  rootDir: string,
  skip: ReadonlySet<string> = new Set(),
): Set<string> {
  const seen = new Set<string>([fs.realpathSync(rootDir)]);
  const queue = [...seen];
  while (queue.length) {
    const dir = queue.pop()!;
    for (const name of declaredDependencies(dir)) {
      if (skip.has(name)) continue;
      const found = findPackageDir(name, dir);
      if (found && !seen.has(found)) {
        seen.add(found);
        queue.push(found);
      }
    }
  }
  return seen;
}

/**
 * The nearest directory above `file` whose `package.json` has a name (build output often holds nameless
 * `package.json` files that only set the module type).
 */
export function owningPackageDir(
  file: string,
  cache: Map<string, string | undefined> = new Map(),
): string | undefined {
  const dir = path.dirname(file);
  if (cache.has(dir)) return cache.get(dir);
  let found: string | undefined;
  const manifest = path.join(dir, 'package.json');
  if (fs.existsSync(manifest)) {
    try {
      if (JSON.parse(fs.readFileSync(manifest, 'utf8')).name) {
        found = fs.realpathSync(dir);
      }
    } catch {
      // an unreadable manifest does not make a package
    }
  }
  if (!found && path.dirname(dir) !== dir) {
    found = owningPackageDir(dir, cache);
  }
  cache.set(dir, found);
  return found;
}
