import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractMarkedBlocks, readAdoptionBlocks } from './readmeBlocks';

const fence = '```';

function frontendReadme(overrides: Record<string, string> = {}) {
  const block = (id: string, lang: string, code: string) =>
    overrides[id] ??
    `<!-- adoption-test: ${id} -->\n${fence}${lang}\n${code}\n${fence}\n`;
  return [
    '# Frontend',
    block(
      'app-add',
      'sh',
      'yarn --cwd packages/app add @dataops-observability/plugin-dataops',
    ),
    'Some prose.',
    block('app-nfs', 'tsx', 'export default 1;'),
    block('app-legacy', 'tsx', 'export const x = 1;'),
  ].join('\n');
}

const BACKEND_README = [
  '<!-- adoption-test: backend-add -->',
  `${fence}sh`,
  'yarn --cwd packages/backend add @dataops-observability/plugin-dataops-backend',
  fence,
  '<!-- adoption-test: backend-index -->',
  `${fence}ts`,
  'backend.start();',
  fence,
  '<!-- adoption-test: config -->',
  `${fence}yaml`,
  'dataops:',
  '  environments: []',
  fence,
].join('\n');

describe('extractMarkedBlocks', () => {
  it('returns the code of each marked block with its fence line and language', () => {
    const blocks = extractMarkedBlocks(
      [
        '# Title',
        `${fence}sh`,
        'unmarked',
        fence,
        '<!-- adoption-test: one -->',
        `${fence}ts`,
        'const a = 1;',
        '',
        'const b = 2;',
        fence,
      ].join('\n'),
      'README.md',
    );
    expect(blocks).toEqual([
      {
        id: 'one',
        line: 6,
        lang: 'ts',
        code: 'const a = 1;\n\nconst b = 2;\n',
      },
    ]);
  });

  it('keeps shorter fences inside a longer one as code', () => {
    const [block] = extractMarkedBlocks(
      [
        '<!-- adoption-test: md -->',
        '````md',
        fence,
        'inner',
        fence,
        '````',
      ].join('\n'),
      'README.md',
    );
    expect(block.code).toBe(`${fence}\ninner\n${fence}\n`);
  });

  it('accepts blank lines between the marker and the fence, as prettier writes them', () => {
    expect(
      extractMarkedBlocks(
        `<!-- adoption-test: one -->\n\n${fence}ts\nx\n${fence}\n`,
        'README.md',
      ),
    ).toEqual([{ id: 'one', line: 3, lang: 'ts', code: 'x\n' }]);
  });

  it('rejects a marker followed by anything but a fence', () => {
    expect(() =>
      extractMarkedBlocks(
        `<!-- adoption-test: one -->\nSome prose.\n${fence}ts\nx\n${fence}\n`,
        'plugins/x/README.md',
      ),
    ).toThrow(
      "plugins/x/README.md:1: the marker 'one' must be followed by an opening code fence (blank lines aside)",
    );
  });

  it('rejects an unclosed fence', () => {
    expect(() =>
      extractMarkedBlocks(
        `<!-- adoption-test: one -->\n${fence}ts\nx\n`,
        'README.md',
      ),
    ).toThrow("README.md:2: the code fence of block 'one' is never closed");
  });
});

describe('readAdoptionBlocks', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'readme-blocks-'));
    mkdirSync(path.join(root, 'plugins/dataops'), { recursive: true });
    mkdirSync(path.join(root, 'plugins/dataops-backend'), { recursive: true });
    writeFileSync(
      path.join(root, 'plugins/dataops-backend/README.md'),
      BACKEND_README,
    );
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const writeFrontend = (text: string) =>
    writeFileSync(path.join(root, 'plugins/dataops/README.md'), text);

  it('reads all six blocks from the two READMEs', () => {
    writeFrontend(frontendReadme());
    const blocks = readAdoptionBlocks(root);
    expect(Object.keys(blocks).sort()).toEqual([
      'app-add',
      'app-legacy',
      'app-nfs',
      'backend-add',
      'backend-index',
      'config',
    ]);
    expect(blocks['app-add']).toMatchObject({
      readme: 'plugins/dataops/README.md',
      line: 3,
      code: 'yarn --cwd packages/app add @dataops-observability/plugin-dataops\n',
    });
    expect(blocks.config.code).toBe('dataops:\n  environments: []\n');
  });

  it('names the README and the block when a block is missing', () => {
    writeFrontend(frontendReadme({ 'app-legacy': '' }));
    expect(() => readAdoptionBlocks(root)).toThrow(
      "README block 'app-legacy' (plugins/dataops/README.md): no code block is marked with <!-- adoption-test: app-legacy --> on the line before its fence",
    );
  });

  it('rejects a block marked twice', () => {
    writeFrontend(
      `${frontendReadme()}\n<!-- adoption-test: app-nfs -->\n${fence}tsx\nx\n${fence}\n`,
    );
    expect(() => readAdoptionBlocks(root)).toThrow(
      /README block 'app-nfs' \(plugins\/dataops\/README.md\): marked 2 times/,
    );
  });

  it('rejects a block with the wrong fence language', () => {
    writeFrontend(
      frontendReadme({
        'app-nfs': `<!-- adoption-test: app-nfs -->\n${fence}ts\nx\n${fence}\n`,
      }),
    );
    expect(() => readAdoptionBlocks(root)).toThrow(
      "README block 'app-nfs' (plugins/dataops/README.md:9): the fence must be ```tsx, not ```ts",
    );
  });

  it('names the missing README', () => {
    expect(() => readAdoptionBlocks(root)).toThrow(
      "README block 'app-add' (plugins/dataops/README.md): plugins/dataops/README.md does not exist",
    );
  });
});
