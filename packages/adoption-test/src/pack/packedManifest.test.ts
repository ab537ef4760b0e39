import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  listTarball,
  packedManifestProblems,
  readPackedManifest,
} from './packedManifest';

/** What `backstage-cli package prepack` makes of a frontend plugin with an `/alpha` entry point. */
const FRONTEND = {
  name: '@dataops-observability/plugin-dataops',
  main: './dist/index.esm.js',
  types: './dist/index.d.ts',
  exports: {
    '.': {
      import: './dist/index.esm.js',
      types: './dist/index.d.ts',
      default: './dist/index.esm.js',
    },
    './alpha': {
      backstage: '@backstage/FrontendPlugin',
      import: './dist/alpha.esm.js',
      types: './dist/alpha.d.ts',
      default: './dist/alpha.esm.js',
    },
    './package.json': './package.json',
  },
  typesVersions: {
    '*': { alpha: ['dist/alpha.d.ts'], 'package.json': ['package.json'] },
  },
  files: ['dist'],
  dependencies: {
    '@dataops-observability/plugin-dataops-common': '^0.1.0',
    react: '^18',
  },
};

const FRONTEND_FILES = [
  'package.json',
  'dist/index.esm.js',
  'dist/index.d.ts',
  'dist/alpha.esm.js',
  'dist/alpha.d.ts',
];

describe('packedManifestProblems', () => {
  it('accepts a package whose every entry point is in the tarball (the backstage condition is no path)', () => {
    expect(packedManifestProblems(FRONTEND, FRONTEND_FILES)).toEqual([]);
  });

  it('reports an /alpha entry point the tarball lacks, in exports and typesVersions', () => {
    expect(
      packedManifestProblems(
        FRONTEND,
        FRONTEND_FILES.filter(f => !f.startsWith('dist/alpha')),
      ),
    ).toEqual([
      'exports["./alpha"]["import"] points at ./dist/alpha.esm.js, which is not in the tarball',
      'exports["./alpha"]["types"] points at ./dist/alpha.d.ts, which is not in the tarball',
      'exports["./alpha"]["default"] points at ./dist/alpha.esm.js, which is not in the tarball',
      'typesVersions["*"]["alpha"] points at dist/alpha.d.ts, which is not in the tarball',
    ]);
  });

  it('reports main and types still pointing at the sources', () => {
    expect(
      packedManifestProblems(
        { main: 'src/index.ts', types: 'src/index.ts', files: ['dist'] },
        ['package.json', 'dist/index.cjs.js'],
      ),
    ).toEqual([
      'main points at src/index.ts, which is not in the tarball',
      'types points at src/index.ts, which is not in the tarball',
    ]);
  });

  it('reports a config schema and a files entry that were not shipped', () => {
    expect(
      packedManifestProblems(
        {
          main: 'dist/index.cjs.js',
          configSchema: 'config.schema.json',
          files: [
            'dist',
            'config.schema.json',
            'migrations',
            'templates/*.yaml',
          ],
        },
        ['package.json', 'dist/index.cjs.js', 'templates/a.yaml'],
      ),
    ).toEqual([
      'configSchema points at config.schema.json, which is not in the tarball',
      'files entry "config.schema.json" matches nothing in the tarball',
      'files entry "migrations" matches nothing in the tarball',
    ]);
  });

  it('checks export patterns against the files they match', () => {
    const manifest = { exports: { './templates/*': './dist/templates/*.js' } };
    expect(packedManifestProblems(manifest, ['dist/templates/a.js'])).toEqual(
      [],
    );
    expect(packedManifestProblems(manifest, ['dist/other.js'])).toEqual([
      'exports["./templates/*"] points at ./dist/templates/*.js, which is not in the tarball',
    ]);
  });

  it('reports dependencies that only resolve inside the repository', () => {
    expect(
      packedManifestProblems(
        {
          dependencies: { a: 'workspace:^', b: '^1.0.0' },
          peerDependencies: { c: 'link:../c' },
          devDependencies: { d: 'workspace:*' },
        },
        ['package.json'],
      ),
    ).toEqual([
      'dependencies["a"] is "workspace:^", which only resolves inside this repository',
      'peerDependencies["c"] is "link:../c", which only resolves inside this repository',
      'devDependencies["d"] is "workspace:*", which only resolves inside this repository',
    ]);
  });
});

describe('reading a tarball', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'packed-'));
    mkdirSync(path.join(dir, 'package/dist'), { recursive: true });
    writeFileSync(
      path.join(dir, 'package/package.json'),
      JSON.stringify({ name: 'x', main: 'dist/index.cjs.js' }),
    );
    writeFileSync(path.join(dir, 'package/dist/index.cjs.js'), '');
    execFileSync('tar', [
      '-czf',
      path.join(dir, 'x.tgz'),
      '-C',
      dir,
      'package',
    ]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists its files relative to package/ and reads its package.json', () => {
    expect(listTarball(path.join(dir, 'x.tgz')).sort()).toEqual([
      'dist/index.cjs.js',
      'package.json',
    ]);
    expect(readPackedManifest(path.join(dir, 'x.tgz'))).toEqual({
      name: 'x',
      main: 'dist/index.cjs.js',
    });
  });
});
