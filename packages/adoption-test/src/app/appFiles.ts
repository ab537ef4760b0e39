import { stringify } from 'yaml';

/**
 * The throwaway app: what an adopter has before following the READMEs. A Backstage app with a frontend
 * (new frontend system, catalog) and a backend with the usual core plugins. Versions are those this
 * repository's own app uses, so the lockfile copied from here already resolves them.
 */
export const APP_DEPENDENCIES = [
  '@backstage/core-components',
  '@backstage/core-plugin-api',
  '@backstage/frontend-defaults',
  '@backstage/frontend-plugin-api',
  '@backstage/plugin-catalog',
  '@material-ui/core',
  '@material-ui/icons',
  'react',
  'react-dom',
  'react-router',
  'react-router-dom',
];
export const APP_DEV_DEPENDENCIES = ['@types/react-dom'];

export const BACKEND_DEPENDENCIES = [
  '@backstage/backend-defaults',
  '@backstage/config',
  '@backstage/plugin-auth-backend',
  '@backstage/plugin-auth-backend-module-guest-provider',
  '@backstage/plugin-catalog-backend',
  '@backstage/plugin-catalog-backend-module-scaffolder-entity-model',
  '@backstage/plugin-notifications-backend',
  '@backstage/plugin-permission-backend',
  '@backstage/plugin-permission-backend-module-allow-all-policy',
  '@backstage/plugin-scaffolder-backend',
  '@backstage/plugin-signals-backend',
  'pg',
];

// As in an app made by @backstage/create-app: the CLI with its default modules, and the jest types the
// Backstage tsconfig names.
export const ROOT_DEV_DEPENDENCIES = [
  '@backstage/cli',
  '@backstage/cli-defaults',
  '@types/jest',
  'typescript',
];

/** The package.json files of this repository the app takes its versions and settings from. */
export interface SourceManifests {
  root: Record<string, any>;
  app: Record<string, any>;
  backend: Record<string, any>;
}

function pick(
  names: string[],
  from: Record<string, string> | undefined,
  where: string,
): Record<string, string> {
  return Object.fromEntries(
    names.map(name => {
      const range = from?.[name];
      if (!range) {
        throw new Error(
          `${where} no longer lists ${name}; update the adoption test's base app (packages/adoption-test/src/app/appFiles.ts)`,
        );
      }
      return [name, range];
    }),
  );
}

/**
 * The app's files, by path relative to its root. `tarballs` maps each published package to its tarball;
 * the root `resolutions` send every range of those packages there, since they are not on a registry yet.
 */
export function throwawayAppFiles(options: {
  source: SourceManifests;
  /** This repository's `.yarnrc.yml`, parsed. */
  yarnrc: Record<string, any>;
  /** File name of the committed Yarn release, e.g. `yarn-4.13.0.cjs`. */
  yarnRelease: string;
  tarballs: ReadonlyMap<string, string>;
}): Record<string, string> {
  const { source, yarnrc, yarnRelease, tarballs } = options;
  const json = (value: object) => `${JSON.stringify(value, null, 2)}\n`;
  const registrySettings = Object.fromEntries(
    Object.entries(yarnrc).filter(([key]) => key.startsWith('npm')),
  );
  return {
    'package.json': json({
      name: 'adoption-app',
      version: '1.0.0',
      private: true,
      packageManager: source.root.packageManager,
      workspaces: ['packages/*'],
      devDependencies: pick(
        ROOT_DEV_DEPENDENCIES,
        source.root.devDependencies,
        'package.json devDependencies',
      ),
      resolutions: {
        ...source.root.resolutions,
        ...Object.fromEntries(
          [...tarballs].map(([name, tarball]) => [name, `file:${tarball}`]),
        ),
      },
    }),
    '.yarnrc.yml': stringify({
      nodeLinker: 'node-modules',
      yarnPath: `.yarn/releases/${yarnRelease}`,
      // The same age gate and registry as this repository, so the same versions resolve.
      ...registrySettings,
      enableTelemetry: false,
      // Shared with this repository's installs: packages already downloaded are not fetched again.
      enableGlobalCache: true,
      // No native builds: the app uses PostgreSQL, not better-sqlite3, and nothing else it runs needs one.
      enableScripts: false,
    }),
    'packages/app/package.json': json({
      name: 'app',
      version: '0.0.0',
      private: true,
      backstage: { role: 'frontend' },
      dependencies: pick(
        APP_DEPENDENCIES,
        source.app.dependencies,
        'packages/app/package.json dependencies',
      ),
      devDependencies: pick(
        APP_DEV_DEPENDENCIES,
        source.app.devDependencies,
        'packages/app/package.json devDependencies',
      ),
    }),
    'packages/backend/package.json': json({
      name: 'backend',
      version: '0.0.0',
      private: true,
      backstage: { role: 'backend' },
      scripts: { start: 'backstage-cli package start' },
      dependencies: pick(
        BACKEND_DEPENDENCIES,
        source.backend.dependencies,
        'packages/backend/package.json dependencies',
      ),
      // Yarn puts only a workspace's own dependencies' binaries on its scripts' PATH.
      devDependencies: pick(
        ['@backstage/cli'],
        source.backend.devDependencies,
        'packages/backend/package.json devDependencies',
      ),
    }),
    'tsconfig.json': json({
      extends: '@backstage/cli/config/tsconfig.json',
      include: ['packages/*/src'],
      exclude: ['node_modules'],
      compilerOptions: {
        outDir: 'dist-types',
        rootDir: '.',
        jsx: 'react-jsx',
      },
    }),
  };
}
