import { describeTypeErrors } from './typeErrors';
import type { ReadmeBlock } from '../readme/readmeBlocks';

const NFS: ReadmeBlock = {
  id: 'app-nfs',
  readme: 'plugins/dataops/README.md',
  line: 40,
  lang: 'tsx',
  code: '',
};

describe('describeTypeErrors', () => {
  it('names the README block a failing file was written from', () => {
    const output = [
      "packages/app/src/App.tsx(3,24): error TS2307: Cannot find module '@dataops-observability/plugin-dataops/alfa' or its corresponding type declarations.",
      "packages/app/src/App.tsx(6,3): error TS2322: Type 'number' is not assignable to type 'string'.",
      "node_modules/x/index.d.ts(1,1): error TS1005: ';' expected.",
      '  Some continuation line.',
    ].join('\n');
    expect(
      describeTypeErrors(output, { 'packages/app/src/App.tsx': NFS }),
    ).toBe(
      [
        "README block 'app-nfs' (plugins/dataops/README.md:40), written to packages/app/src/App.tsx, does not compile:",
        "    packages/app/src/App.tsx(3,24): error TS2307: Cannot find module '@dataops-observability/plugin-dataops/alfa' or its corresponding type declarations.",
        "    packages/app/src/App.tsx(6,3): error TS2322: Type 'number' is not assignable to type 'string'.",
        'node_modules/x/index.d.ts does not compile:',
        "    node_modules/x/index.d.ts(1,1): error TS1005: ';' expected.",
        '      Some continuation line.',
      ].join('\n'),
    );
  });

  it('passes other tsc failures through', () => {
    expect(
      describeTypeErrors(
        "error TS5058: The specified path does not exist: 'x'.",
        {},
      ),
    ).toBe(
      "tsc failed without error lines:\nerror TS5058: The specified path does not exist: 'x'.",
    );
  });
});
