import {
  addArgumentsForTarballs,
  checkImportsAreAdded,
  packageNameOf,
  parseAddCommand,
  suiteImportsOf,
} from './addCommand';
import type { BlockId, ReadmeBlock } from './readmeBlocks';

function block(id: BlockId, code: string): ReadmeBlock {
  return {
    id,
    readme: 'plugins/dataops-backend/README.md',
    line: 12,
    lang: 'sh',
    code,
  };
}

const TARBALLS = new Map([
  ['@dataops-observability/plugin-dataops-backend', '/t/backend.tgz'],
  [
    '@dataops-observability/plugin-catalog-backend-module-dataops',
    '/t/catalog.tgz',
  ],
]);

describe('packageNameOf', () => {
  it('strips the range of scoped and unscoped specifiers', () => {
    expect(packageNameOf('@scope/name@^1.2.0')).toBe('@scope/name');
    expect(packageNameOf('@scope/name')).toBe('@scope/name');
    expect(packageNameOf('pg@8')).toBe('pg');
    expect(packageNameOf('pg')).toBe('pg');
  });
});

describe('parseAddCommand', () => {
  it('reads the directory, flags and packages of the one command', () => {
    expect(
      parseAddCommand(
        block(
          'backend-add',
          '# from the root of your app\nyarn --cwd packages/backend add --exact \\\n  @dataops-observability/plugin-dataops-backend pg\n',
        ),
        'packages/backend',
      ),
    ).toEqual({
      cwd: 'packages/backend',
      flags: ['--exact'],
      specifiers: ['@dataops-observability/plugin-dataops-backend', 'pg'],
    });
  });

  it('rejects a command for another package folder', () => {
    expect(() =>
      parseAddCommand(
        block('backend-add', 'yarn --cwd packages/app add x\n'),
        'packages/backend',
      ),
    ).toThrow(
      "README block 'backend-add' (plugins/dataops-backend/README.md:12): expected `yarn --cwd packages/backend add <packages>`, found `yarn --cwd packages/app add x`",
    );
  });

  it('rejects npm and several commands', () => {
    expect(() =>
      parseAddCommand(block('app-add', 'npm install x\n'), 'packages/app'),
    ).toThrow(/expected `yarn --cwd packages\/app add <packages>`/);
    expect(() =>
      parseAddCommand(
        block('app-add', 'yarn --cwd packages/app add x\nyarn install\n'),
        'packages/app',
      ),
    ).toThrow(/must hold exactly one command, found 2/);
  });
});

describe('addArgumentsForTarballs', () => {
  it('points suite packages at their tarballs and leaves others alone', () => {
    const b = block(
      'backend-add',
      'yarn --cwd packages/backend add @dataops-observability/plugin-dataops-backend@^0.1.0 @dataops-observability/plugin-catalog-backend-module-dataops pg\n',
    );
    expect(
      addArgumentsForTarballs(
        b,
        parseAddCommand(b, 'packages/backend'),
        TARBALLS,
      ),
    ).toEqual([
      '--cwd',
      'packages/backend',
      'add',
      '@dataops-observability/plugin-dataops-backend@file:/t/backend.tgz',
      '@dataops-observability/plugin-catalog-backend-module-dataops@file:/t/catalog.tgz',
      'pg',
    ]);
  });

  it('names the block when it adds a suite package that is not published', () => {
    const b = block(
      'backend-add',
      'yarn --cwd packages/backend add @dataops-observability/plugin-dataops-backnd\n',
    );
    expect(() =>
      addArgumentsForTarballs(
        b,
        parseAddCommand(b, 'packages/backend'),
        TARBALLS,
      ),
    ).toThrow(
      "README block 'backend-add' (plugins/dataops-backend/README.md:12): adds @dataops-observability/plugin-dataops-backnd, which is not a published package",
    );
  });
});

describe('imports of the code blocks', () => {
  const index = block(
    'backend-index',
    [
      "import { createBackend } from '@backstage/backend-defaults';",
      "backend.add(import('@dataops-observability/plugin-dataops-backend'));",
      "backend.add(import('@dataops-observability/plugin-catalog-backend-module-dataops/alpha'));",
    ].join('\n'),
  );

  it('lists the suite packages a block imports, without subpaths', () => {
    expect(suiteImportsOf(index.code)).toEqual([
      '@dataops-observability/plugin-catalog-backend-module-dataops',
      '@dataops-observability/plugin-dataops-backend',
    ]);
    expect(
      suiteImportsOf(
        "import dataOps from '@dataops-observability/plugin-dataops/alpha';\nimport '@dataops-observability/x';",
      ),
    ).toEqual([
      '@dataops-observability/plugin-dataops',
      '@dataops-observability/x',
    ]);
  });

  it('accepts an add block that installs every imported suite package', () => {
    const add = block(
      'backend-add',
      'yarn --cwd packages/backend add @dataops-observability/plugin-dataops-backend @dataops-observability/plugin-catalog-backend-module-dataops\n',
    );
    expect(() =>
      checkImportsAreAdded(add, parseAddCommand(add, 'packages/backend'), [
        index,
      ]),
    ).not.toThrow();
  });

  it('names the add block and the importing block when one is missing', () => {
    const add = block(
      'backend-add',
      'yarn --cwd packages/backend add @dataops-observability/plugin-dataops-backend\n',
    );
    expect(() =>
      checkImportsAreAdded(add, parseAddCommand(add, 'packages/backend'), [
        index,
      ]),
    ).toThrow(
      "README block 'backend-add' (plugins/dataops-backend/README.md:12): does not add @dataops-observability/plugin-catalog-backend-module-dataops, which README block 'backend-index' imports",
    );
  });
});
