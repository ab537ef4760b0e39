import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../paths';
import {
  APP_DEPENDENCIES,
  BACKEND_DEPENDENCIES,
  SourceManifests,
  throwawayAppFiles,
} from './appFiles';

const readJson = (file: string) =>
  JSON.parse(readFileSync(path.join(REPO_ROOT, file), 'utf8'));

/** The manifests of this repository: the base app must be buildable from them as they are. */
const SOURCE: SourceManifests = {
  root: readJson('package.json'),
  app: readJson('packages/app/package.json'),
  backend: readJson('packages/backend/package.json'),
};

const TARBALLS = new Map([
  ['@dataops-observability/plugin-dataops', '/t/dataops.tgz'],
  ['@dataops-observability/plugin-dataops-common', '/t/dataops-common.tgz'],
]);

function files(
  yarnrc: Record<string, unknown> = parse(
    readFileSync(path.join(REPO_ROOT, '.yarnrc.yml'), 'utf8'),
  ),
) {
  return throwawayAppFiles({
    source: SOURCE,
    yarnrc,
    yarnRelease: 'yarn-4.13.0.cjs',
    tarballs: TARBALLS,
  });
}

describe('throwawayAppFiles', () => {
  it('sends every range of the published packages to their tarballs, next to our own resolutions', () => {
    const root = JSON.parse(files()['package.json']);
    expect(root.resolutions).toEqual({
      ...SOURCE.root.resolutions,
      '@dataops-observability/plugin-dataops': 'file:/t/dataops.tgz',
      '@dataops-observability/plugin-dataops-common':
        'file:/t/dataops-common.tgz',
    });
    expect(root.packageManager).toBe(SOURCE.root.packageManager);
    expect(root.workspaces).toEqual(['packages/*']);
    expect(root.devDependencies.typescript).toBe(
      SOURCE.root.devDependencies.typescript,
    );
  });

  it('gives the app and backend the versions this repository uses, and no suite package yet', () => {
    const app = JSON.parse(files()['packages/app/package.json']);
    const backend = JSON.parse(files()['packages/backend/package.json']);
    expect(Object.keys(app.dependencies)).toEqual(APP_DEPENDENCIES);
    expect(Object.keys(backend.dependencies)).toEqual(BACKEND_DEPENDENCIES);
    for (const [name, range] of Object.entries(backend.dependencies)) {
      expect([name, range]).toEqual([name, SOURCE.backend.dependencies[name]]);
    }
    expect(backend.scripts.start).toBe('backstage-cli package start');
    expect(JSON.stringify([app, backend])).not.toContain(
      '@dataops-observability',
    );
  });

  it("copies the registry settings and age gate of this repository's .yarnrc.yml", () => {
    const yarnrc = parse(
      files({
        nodeLinker: 'pnp',
        yarnPath: '.yarn/releases/yarn-4.13.0.cjs',
        npmMinimalAgeGate: '45d',
        npmPreapprovedPackages: ['@backstage/*'],
        npmRegistryServer: 'https://registry.example.com',
        packageExtensions: { x: {} },
      })['.yarnrc.yml'],
    );
    expect(yarnrc).toEqual({
      nodeLinker: 'node-modules',
      yarnPath: '.yarn/releases/yarn-4.13.0.cjs',
      npmMinimalAgeGate: '45d',
      npmPreapprovedPackages: ['@backstage/*'],
      npmRegistryServer: 'https://registry.example.com',
      enableTelemetry: false,
      enableGlobalCache: true,
      enableScripts: false,
    });
  });

  it('names the manifest when the base app needs a package this repository no longer lists', () => {
    const backend = {
      ...SOURCE.backend,
      dependencies: { ...SOURCE.backend.dependencies },
    };
    delete backend.dependencies.pg;
    expect(() =>
      throwawayAppFiles({
        source: { ...SOURCE, backend },
        yarnrc: {},
        yarnRelease: 'yarn.cjs',
        tarballs: TARBALLS,
      }),
    ).toThrow('packages/backend/package.json dependencies no longer lists pg');
  });
});
