import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { run } from '../process/children';
import { note } from '../process/progress';
import { AddCommand, addArgumentsForTarballs } from '../readme/addCommand';
import { ReadmeBlock, describeBlock } from '../readme/readmeBlocks';
import { throwawayAppFiles } from './appFiles';

/** Where the README code blocks go in the app: the paths the READMEs tell the adopter. */
export const README_CODE_FILES = {
  'app-nfs': 'packages/app/src/App.tsx',
  'app-legacy': 'packages/app/src/components/catalog/dataOpsEntityContent.tsx',
  'backend-index': 'packages/backend/src/index.ts',
} as const;

export interface ThrowawayApp {
  root: string;
  /** `[node, the app's copy of the committed Yarn release]` */
  yarn: [string, string];
}

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

/** Yarn's step headings and its verdict, as progress; the rest goes to the log. */
const yarnProgress = (line: string) => /[┌]|· (Done|Failed)/.test(line);

/**
 * Creates the throwaway app in `dir` (outside this repository, or Yarn would take it for one of our
 * workspaces) with its own lockfile, seeded from ours so the versions we already resolved are reused,
 * and runs the README's add commands against the packed tarballs.
 */
export async function installThrowawayApp(options: {
  repoRoot: string;
  dir: string;
  yarnRelease: string;
  tarballs: ReadonlyMap<string, string>;
  adds: Array<{ block: ReadmeBlock; command: AddCommand }>;
  env: NodeJS.ProcessEnv;
  logDir: string;
}): Promise<ThrowawayApp> {
  const { repoRoot, dir, yarnRelease, tarballs, adds, env, logDir } = options;
  const releaseName = path.basename(yarnRelease);
  const files = throwawayAppFiles({
    source: {
      root: readJson(path.join(repoRoot, 'package.json')),
      app: readJson(path.join(repoRoot, 'packages/app/package.json')),
      backend: readJson(path.join(repoRoot, 'packages/backend/package.json')),
    },
    yarnrc: parse(readFileSync(path.join(repoRoot, '.yarnrc.yml'), 'utf8')),
    yarnRelease: releaseName,
    tarballs,
  });
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  copyFileSync(path.join(repoRoot, 'yarn.lock'), path.join(dir, 'yarn.lock'));
  mkdirSync(path.join(dir, '.yarn', 'releases'), { recursive: true });
  const release = path.join(dir, '.yarn', 'releases', releaseName);
  copyFileSync(yarnRelease, release);

  const app: ThrowawayApp = { root: dir, yarn: [process.execPath, release] };
  for (const { block, command } of adds) {
    const args = addArgumentsForTarballs(block, command, tarballs);
    note(`yarn ${args.join(' ')}`);
    try {
      await run(
        `yarn add of README block '${block.id}'`,
        app.yarn[0],
        [app.yarn[1], ...args],
        {
          cwd: dir,
          env,
          logFile: path.join(logDir, `${block.id}.log`),
          echo: yarnProgress,
        },
      );
    } catch (e) {
      throw new Error(`${describeBlock(block)}: ${(e as Error).message}`);
    }
  }
  return app;
}

/** Writes the README code blocks where the READMEs put them; returns the block of each file. */
export function writeReadmeCode(
  app: ThrowawayApp,
  blocks: Record<keyof typeof README_CODE_FILES, ReadmeBlock>,
): Record<string, ReadmeBlock> {
  const byFile: Record<string, ReadmeBlock> = {};
  for (const [id, file] of Object.entries(README_CODE_FILES)) {
    const block = blocks[id as keyof typeof README_CODE_FILES];
    mkdirSync(path.dirname(path.join(app.root, file)), { recursive: true });
    writeFileSync(path.join(app.root, file), block.code);
    byFile[file] = block;
  }
  return byFile;
}
