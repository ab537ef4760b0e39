import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { removeTree } from './removeTree';

describe('removeTree', () => {
  let base: string;
  beforeEach(() => {
    base = mkdtempSync(path.join(os.tmpdir(), 'remove-tree-'));
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it('removes a wide, deep folder without following links out of it', async () => {
    const app = path.join(base, 'app');
    const outside = path.join(base, 'outside');
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'keep.txt'), 'keep');
    for (let i = 0; i < 60; i++) {
      const pkg = path.join(
        app,
        'node_modules',
        `@scope${i % 3}`,
        `pkg-${i}`,
        'dist',
      );
      mkdirSync(pkg, { recursive: true });
      writeFileSync(path.join(pkg, 'index.js'), '');
    }
    symlinkSync(outside, path.join(app, 'node_modules', 'linked'));
    await removeTree(app);
    expect(existsSync(app)).toBe(false);
    expect(existsSync(path.join(outside, 'keep.txt'))).toBe(true);
  });

  it('does nothing when the folder is not there', async () => {
    await expect(
      removeTree(path.join(base, 'missing')),
    ).resolves.toBeUndefined();
  });
});
