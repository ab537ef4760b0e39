import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

/** What `backstage-cli package prepack` leaves behind when `postpack` does not run. */
const PREPACK_BACKUP = 'package.json-prepack';
const GENERATED_CONFIG_SCHEMA = 'config.schema.json';

/**
 * Build and pack write into the package folder: `dist`, `dist-types`, and during `yarn pack` a rewritten
 * package.json (backed up as `package.json-prepack`) and a generated `config.schema.json`. The guard records
 * which of these existed before and, whatever happened in between, puts package.json back and removes only
 * the outputs it did not find, so the working tree ends as it started even when a build or `prepack` fails.
 */
export class PackageDirGuard {
  private constructor(
    private readonly dir: string,
    private readonly originalManifest: string,
    private readonly outputsFoundBefore: Set<string>,
    private readonly outputs: string[],
  ) {}

  static take(dir: string): PackageDirGuard {
    if (existsSync(path.join(dir, PREPACK_BACKUP))) {
      throw new Error(
        `${path.join(
          dir,
          PREPACK_BACKUP,
        )} is left from an interrupted pack: check that package.json is the ` +
          'source version (main pointing at src/), then delete the backup',
      );
    }
    const manifest = readFileSync(path.join(dir, 'package.json'), 'utf8');
    // Sub-path entry points (`./alpha`) may get a folder of that name holding a package.json for old resolvers.
    const subpathFolders = Object.keys(JSON.parse(manifest).exports ?? {})
      .map(key => key.replace(/^\.\//, ''))
      .filter(
        name =>
          name && name !== '.' && !name.includes('.') && !name.includes('/'),
      );
    const outputs = [
      'dist',
      'dist-types',
      PREPACK_BACKUP,
      GENERATED_CONFIG_SCHEMA,
      ...subpathFolders,
    ];
    return new PackageDirGuard(
      dir,
      manifest,
      new Set(outputs.filter(o => existsSync(path.join(dir, o)))),
      outputs,
    );
  }

  /**
   * Restores the folder; returns a warning when package.json differs from what it was before for another
   * reason (someone edited it meanwhile), in which case it is left alone.
   */
  restore(): string | undefined {
    const manifestPath = path.join(this.dir, 'package.json');
    const backup = path.join(this.dir, PREPACK_BACKUP);
    if (existsSync(backup)) {
      // postpack did not run: the backup is the package.json as it was before prepack rewrote it.
      renameSync(backup, manifestPath);
    }
    for (const output of this.outputs) {
      if (!this.outputsFoundBefore.has(output)) {
        rmSync(path.join(this.dir, output), { recursive: true, force: true });
      }
    }
    if (readFileSync(manifestPath, 'utf8') !== this.originalManifest) {
      return `${manifestPath} changed while it was being packed; left as it is now`;
    }
    return undefined;
  }
}
