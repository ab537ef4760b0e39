import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PackageDirGuard } from './packageDirGuard';

const SOURCE_MANIFEST = `${JSON.stringify(
  {
    name: 'x',
    main: 'src/index.ts',
    exports: {
      '.': './src/index.ts',
      './alpha': './src/alpha.ts',
      './package.json': './package.json',
    },
  },
  null,
  2,
)}\n`;

describe('PackageDirGuard', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'guard-'));
    mkdirSync(path.join(dir, 'src'));
    writeFileSync(path.join(dir, 'src/index.ts'), '');
    writeFileSync(path.join(dir, 'package.json'), SOURCE_MANIFEST);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** What a build followed by a prepack that failed half-way (so no postpack) leaves behind. */
  function simulateFailedPack() {
    mkdirSync(path.join(dir, 'dist'));
    mkdirSync(path.join(dir, 'alpha'));
    writeFileSync(path.join(dir, 'package.json-prepack'), SOURCE_MANIFEST);
    writeFileSync(
      path.join(dir, 'package.json'),
      '{"main":"dist/index.cjs.js"}',
    );
    writeFileSync(path.join(dir, 'config.schema.json'), '{}');
  }

  it('puts package.json back and removes build output when postpack never ran', () => {
    const guard = PackageDirGuard.take(dir);
    simulateFailedPack();
    expect(guard.restore()).toBeUndefined();
    expect(readFileSync(path.join(dir, 'package.json'), 'utf8')).toBe(
      SOURCE_MANIFEST,
    );
    expect(readdirSync(dir).sort()).toEqual(['package.json', 'src']);
  });

  it('keeps outputs that were there before it was taken', () => {
    mkdirSync(path.join(dir, 'dist'));
    writeFileSync(path.join(dir, 'dist/keep.js'), '');
    const guard = PackageDirGuard.take(dir);
    mkdirSync(path.join(dir, 'dist-types'));
    guard.restore();
    expect(existsSync(path.join(dir, 'dist/keep.js'))).toBe(true);
    expect(existsSync(path.join(dir, 'dist-types'))).toBe(false);
  });

  it('warns, without overwriting, when package.json was edited by someone else meanwhile', () => {
    const guard = PackageDirGuard.take(dir);
    writeFileSync(path.join(dir, 'package.json'), '{"name":"x","edited":true}');
    expect(guard.restore()).toMatch(
      /package.json changed while it was being packed/,
    );
    expect(readFileSync(path.join(dir, 'package.json'), 'utf8')).toBe(
      '{"name":"x","edited":true}',
    );
  });

  it('refuses to start over a backup left by an interrupted pack', () => {
    writeFileSync(path.join(dir, 'package.json-prepack'), SOURCE_MANIFEST);
    expect(() => PackageDirGuard.take(dir)).toThrow(
      /package.json-prepack is left from an interrupted pack/,
    );
  });
});
