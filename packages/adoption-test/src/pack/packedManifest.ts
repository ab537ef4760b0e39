import { execFileSync } from 'node:child_process';

/** The package.json fields whose paths must exist in the tarball. */
type Manifest = Record<string, any>;

const DEPENDENCY_FIELDS = [
  'dependencies',
  'peerDependencies',
  'optionalDependencies',
  'devDependencies',
];

/** Protocols that only mean something inside this repository. */
const LOCAL_PROTOCOLS = /^(workspace|link|portal|file):/;

const normalize = (p: string) => p.replace(/^\.\//, '').replace(/\/$/, '');

/** `dist/*.d.ts` style pattern (exports, typesVersions, files) as a regular expression. */
function patternToRegExp(pattern: string): RegExp {
  const escaped = normalize(pattern)
    .split('*')
    .map(part => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^]*');
  return new RegExp(`^${escaped}$`);
}

function exists(files: Set<string>, target: string): boolean {
  if (!target.includes('*')) {
    return files.has(normalize(target));
  }
  const re = patternToRegExp(target);
  return [...files].some(f => re.test(f));
}

/** Every string in a (conditional, nested) `exports` value, with the key path that leads to it. */
function exportTargets(
  value: unknown,
  at: string,
): Array<{ at: string; target: string }> {
  if (typeof value === 'string') {
    return [{ at, target: value }];
  }
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => exportTargets(v, `${at}[${i}]`));
  }
  if (value && typeof value === 'object') {
    return (
      Object.entries(value)
        // Backstage's `backstage` condition names the feature type the entry exports, not a file.
        .filter(([k]) => k !== 'backstage')
        .flatMap(([k, v]) => exportTargets(v, `${at}[${JSON.stringify(k)}]`))
    );
  }
  return [];
}

/**
 * What is wrong with a packed package: paths its package.json points at that the tarball lacks, `files`
 * entries that match nothing, and dependencies on repository-only protocols such as `workspace:`.
 * `files` lists the tarball's files relative to its `package/` folder.
 */
export function packedManifestProblems(
  manifest: Manifest,
  tarballFiles: string[],
): string[] {
  const files = new Set(tarballFiles.map(normalize));
  const problems: string[] = [];
  const requirePath = (field: string, target: unknown) => {
    if (typeof target === 'string' && !exists(files, target)) {
      problems.push(
        `${field} points at ${target}, which is not in the tarball`,
      );
    }
  };

  for (const field of ['main', 'module', 'browser', 'types', 'typings']) {
    requirePath(field, manifest[field]);
  }
  for (const { at, target } of exportTargets(manifest.exports, 'exports')) {
    requirePath(at, target);
  }
  for (const [range, map] of Object.entries(manifest.typesVersions ?? {})) {
    for (const [subpath, targets] of Object.entries(map as object)) {
      for (const target of targets as string[]) {
        requirePath(
          `typesVersions[${JSON.stringify(range)}][${JSON.stringify(subpath)}]`,
          target,
        );
      }
    }
  }
  requirePath('configSchema', manifest.configSchema);
  if (typeof manifest.bin === 'string') {
    requirePath('bin', manifest.bin);
  } else {
    for (const [name, target] of Object.entries(manifest.bin ?? {})) {
      requirePath(`bin[${JSON.stringify(name)}]`, target);
    }
  }
  for (const entry of (manifest.files ?? []) as string[]) {
    if (entry.startsWith('!')) {
      continue;
    }
    const re = patternToRegExp(entry);
    const prefix = `${normalize(entry)}/`;
    if (![...files].some(f => re.test(f) || f.startsWith(prefix))) {
      problems.push(`files entry "${entry}" matches nothing in the tarball`);
    }
  }
  for (const field of DEPENDENCY_FIELDS) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (typeof range === 'string' && LOCAL_PROTOCOLS.test(range)) {
        problems.push(
          `${field}["${name}"] is "${range}", which only resolves inside this repository`,
        );
      }
    }
  }
  return problems;
}

/** Files of a `yarn pack` tarball, relative to its `package/` folder. */
export function listTarball(tarball: string): string[] {
  return execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter(l => l && !l.endsWith('/'))
    .map(l => l.replace(/^package\//, ''));
}

/** The package.json inside a tarball, i.e. as published (after prepack). */
export function readPackedManifest(tarball: string): Manifest {
  return JSON.parse(
    execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], {
      encoding: 'utf8',
    }),
  );
}
