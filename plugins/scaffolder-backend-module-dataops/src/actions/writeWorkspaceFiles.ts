import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { GeneratedFile } from '../bundle';

/** Writes generated files below the workspace; a path escaping it fails instead of writing elsewhere. */
export async function writeWorkspaceFiles(
  workspacePath: string,
  files: GeneratedFile[],
): Promise<void> {
  for (const file of files) {
    const target = resolveSafeChildPath(workspacePath, file.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.content, 'utf8');
  }
}
