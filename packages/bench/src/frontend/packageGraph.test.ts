import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dependencyClosure, owningPackageDir } from './packageGraph';

/** app -> plugin -> charts -> shared; app -> shared; nested copy of `old` under plugin. */
function fixture(): string {
  const root = fs.realpathSync(
    fs.mkdtempSync(path.join(os.tmpdir(), 'graph-')),
  );
  const write = (dir: string, manifest: object) => {
    fs.mkdirSync(path.join(root, dir), { recursive: true });
    fs.writeFileSync(
      path.join(root, dir, 'package.json'),
      JSON.stringify(manifest),
    );
  };
  write('app', { name: 'app', dependencies: { plugin: '1', shared: '1' } });
  write('node_modules/plugin', {
    name: 'plugin',
    dependencies: { charts: '1', old: '1' },
  });
  write('node_modules/charts', {
    name: 'charts',
    peerDependencies: { shared: '1' },
  });
  write('node_modules/shared', { name: 'shared' });
  write('node_modules/plugin/node_modules/old', { name: 'old' });
  write('node_modules/charts/dist/esm', { type: 'module' });
  return root;
}

describe('dependencyClosure', () => {
  it('follows dependencies as Node resolves them, and stops at skipped packages', () => {
    const root = fixture();
    try {
      const rel = (dirs: Set<string>) =>
        [...dirs].map(d => path.relative(root, d)).sort();
      expect(rel(dependencyClosure(path.join(root, 'app')))).toEqual([
        'app',
        'node_modules/charts',
        'node_modules/plugin',
        'node_modules/plugin/node_modules/old',
        'node_modules/shared',
      ]);
      expect(
        rel(dependencyClosure(path.join(root, 'app'), new Set(['plugin']))),
      ).toEqual(['app', 'node_modules/shared']);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('owningPackageDir', () => {
  it('skips nameless package.json files of build output', () => {
    const root = fixture();
    try {
      expect(
        owningPackageDir(
          path.join(root, 'node_modules/charts/dist/esm/index.js'),
        ),
      ).toBe(path.join(root, 'node_modules/charts'));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
