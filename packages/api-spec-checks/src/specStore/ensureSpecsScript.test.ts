import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findSpecsDir } from '../specFiles';

const SCRIPT = path.resolve(__dirname, '..', '..', 'bin', 'ensure-specs.mjs');

/** Runs the set-up script as scripts/test.sh does, on plain Node, with the given specs folder. */
function runScript(specsDir: string) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATAOPS_SPECS_DIR: specsDir,
  };
  delete env.DATAOPS_SPECS_BASE_URL;
  return spawnSync(process.execPath, [SCRIPT], {
    env,
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('bin/ensure-specs.mjs', () => {
  it('verifies the real specifications and prints where they come from', () => {
    const dir = findSpecsDir();
    const result = runScript(dir);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      `API specifications: using DATAOPS_SPECS_DIR=${dir} (5 files, checksums verified)\n`,
    );
    expect(result.status).toBe(0);
  });

  it('exits 1 naming the missing files and DATAOPS_SPECS_DIR', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'api-specs-none-'));
    try {
      const result = runScript(empty);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(
        `API specification argocd/swagger.json is missing: there is no ${path.join(
          empty,
          'argocd/swagger.json',
        )}`,
      );
      expect(result.stderr).toContain('point DATAOPS_SPECS_DIR at a folder');
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
