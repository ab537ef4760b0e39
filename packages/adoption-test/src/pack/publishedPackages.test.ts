import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../paths';
import { dependencyLayers, readPublishedPackages } from './publishedPackages';

describe('readPublishedPackages', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'published-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function workspace(dir: string, json: object) {
    mkdirSync(path.join(root, dir), { recursive: true });
    writeFileSync(path.join(root, dir, 'package.json'), JSON.stringify(json));
  }

  it('keeps public packages with their run-time dependencies on each other', () => {
    mkdirSync(path.join(root, 'plugins/empty-folder'), { recursive: true });
    workspace('plugins/common', { name: 'common', version: '1.0.0' });
    workspace('plugins/node', {
      name: 'node',
      version: '1.0.0',
      dependencies: { common: 'workspace:^', express: '^4' },
      devDependencies: { 'test-utils': 'workspace:^' },
    });
    workspace('plugins/test-utils', { name: 'test-utils', version: '1.0.0' });
    workspace('packages/app', {
      name: 'app',
      private: true,
      dependencies: { node: 'workspace:^' },
    });
    expect(readPublishedPackages(root)).toEqual([
      {
        name: 'common',
        version: '1.0.0',
        dir: 'plugins/common',
        internalDependencies: [],
      },
      {
        name: 'node',
        version: '1.0.0',
        dir: 'plugins/node',
        internalDependencies: ['common'],
      },
      {
        name: 'test-utils',
        version: '1.0.0',
        dir: 'plugins/test-utils',
        internalDependencies: [],
      },
    ]);
  });

  it('finds exactly the published packages of this repository', () => {
    expect(
      readPublishedPackages(REPO_ROOT)
        .map(p => p.dir)
        .sort(),
    ).toEqual([
      'plugins/catalog-backend-module-dataops',
      'plugins/dataops',
      'plugins/dataops-backend',
      'plugins/dataops-common',
      'plugins/dataops-node',
      'plugins/dataops-rules',
      'plugins/dataops-test-utils',
      'plugins/scaffolder-backend-module-dataops',
    ]);
  });
});

describe('dependencyLayers', () => {
  const pkg = (name: string, ...internalDependencies: string[]) => ({
    name,
    version: '1.0.0',
    dir: `plugins/${name}`,
    internalDependencies,
  });

  it('puts every package after the packages it depends on', () => {
    const layers = dependencyLayers([
      pkg('backend', 'common', 'node'),
      pkg('node', 'common'),
      pkg('common'),
      pkg('frontend', 'common'),
    ]);
    expect(layers.map(l => l.map(p => p.name))).toEqual([
      ['common'],
      ['frontend', 'node'],
      ['backend'],
    ]);
  });

  it('reports a cycle', () => {
    expect(() => dependencyLayers([pkg('a', 'b'), pkg('b', 'a')])).toThrow(
      'dependency cycle among a, b',
    );
  });
});
