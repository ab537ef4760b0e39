import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { note } from '../process/progress';
import { run } from '../process/children';
import { PackageDirGuard } from './packageDirGuard';
import {
  listTarball,
  packedManifestProblems,
  readPackedManifest,
} from './packedManifest';
import {
  PublishedPackage,
  dependencyLayers,
  readPublishedPackages,
} from './publishedPackages';

export interface PackOptions {
  repoRoot: string;
  /** `[node, committed yarn release]`: how to run Yarn. */
  yarn: [string, string];
  /** Where the tarballs go. */
  outDir: string;
  /** Where the build and pack logs go. */
  logDir: string;
  env: NodeJS.ProcessEnv;
}

export interface PackedPackage extends PublishedPackage {
  tarball: string;
}

/** At most this many builds at once: two cores, and each build is mostly one busy thread. */
const BUILD_CONCURRENCY = 2;

async function inBatches<T>(
  items: T[],
  size: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  for (let i = 0; i < items.length; i += size) {
    await Promise.all(items.slice(i, i + size).map(work));
  }
}

/** Problems of one packed package, each prefixed with the source package.json that causes it. */
export function tarballProblems(
  pkg: PublishedPackage,
  tarball: string,
): string[] {
  return packedManifestProblems(
    readPackedManifest(tarball),
    listTarball(tarball),
  ).map(p => `${pkg.dir}/package.json (as packed): ${p}`);
}

/**
 * Builds every published package in dependency order with its own `build` script, packs it with
 * `yarn pack` (which runs its `prepack`/`postpack`), and checks each tarball. The package folders end as
 * they started: build output that was not there before is removed and package.json restored, on failure too.
 */
export async function packPublishedPackages(
  options: PackOptions,
): Promise<PackedPackage[]> {
  const { repoRoot, yarn, outDir, logDir, env } = options;
  const yarnIn = (label: string, dir: string, args: string[], log: string) =>
    run(label, yarn[0], [yarn[1], ...args], {
      cwd: path.join(repoRoot, dir),
      env,
      logFile: path.join(logDir, log),
    });

  const packages = readPublishedPackages(repoRoot);
  const layers = dependencyLayers(packages);
  const rootTypes = path.join(repoRoot, 'dist-types');
  const rootTypesExisted = existsSync(rootTypes);
  const guards = new Map<string, PackageDirGuard>();
  try {
    note('type declarations for the builds (yarn tsc)');
    try {
      await yarnIn('yarn tsc', '.', ['tsc'], 'repo-tsc.log');
    } catch {
      // tsc still writes the declarations when the code has type errors; those are the type check step's
      // to report, and a build without its declarations fails with its own message.
      note(
        'yarn tsc reported type errors (see the type check); building with the declarations it wrote',
      );
    }

    for (const layer of layers) {
      note(`building ${layer.map(p => p.dir).join(', ')}`);
      layer.forEach(p =>
        guards.set(p.dir, PackageDirGuard.take(path.join(repoRoot, p.dir))),
      );
      await inBatches(layer, BUILD_CONCURRENCY, p =>
        yarnIn(
          `build of ${p.dir}`,
          p.dir,
          ['build'],
          `build-${path.basename(p.dir)}.log`,
        ),
      );
    }

    // Packing is mostly prepack's look at the type declarations: two at a time, like the builds.
    const packed = packages.map(p => ({
      ...p,
      tarball: path.join(outDir, `${path.basename(p.dir)}.tgz`),
    }));
    await inBatches(packed, BUILD_CONCURRENCY, p => {
      note(`packing ${p.name}`);
      return yarnIn(
        `yarn pack of ${p.dir}`,
        p.dir,
        ['pack', '--out', p.tarball],
        `pack-${path.basename(p.dir)}.log`,
      );
    });

    const problems = packed.flatMap(p => tarballProblems(p, p.tarball));
    if (problems.length > 0) {
      throw new Error(
        `the packed packages are not what a registry user would need:\n  ${problems.join(
          '\n  ',
        )}`,
      );
    }
    note(
      `${packed.length} tarballs checked: entry points, files and dependency ranges`,
    );
    return packed;
  } finally {
    for (const guard of guards.values()) {
      const warning = guard.restore();
      if (warning) {
        note(`WARNING: ${warning}`);
      }
    }
    if (!rootTypesExisted) {
      rmSync(rootTypes, { recursive: true, force: true });
    }
  }
}
