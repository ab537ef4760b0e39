import { ReadmeBlock, describeBlock } from '../readme/readmeBlocks';

/**
 * Turns `tsc --pretty false` output into a message that names, for each file with errors, the README block
 * it was written from; errors elsewhere (the installed packages' declarations) are named by file.
 */
export function describeTypeErrors(
  tscOutput: string,
  blocksByFile: Record<string, ReadmeBlock>,
): string {
  const errors = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of tscOutput.split('\n')) {
    const match = /^(.+?)\(\d+,\d+\): error TS\d+: /.exec(line);
    if (match) {
      const file = match[1].replace(/\\/g, '/');
      current = errors.get(file) ?? [];
      errors.set(file, current);
      current.push(line.trim());
    } else if (current && line.startsWith(' ')) {
      current.push(`  ${line.trim()}`); // continuation of the previous message
    }
  }
  if (errors.size === 0) {
    return `tsc failed without error lines:\n${tscOutput.trim()}`;
  }
  return [...errors]
    .map(([file, lines]) => {
      const block = blocksByFile[file];
      const what = block
        ? `${describeBlock(block)}, written to ${file}, does not compile`
        : `${file} does not compile`;
      return `${what}:\n    ${lines.join('\n    ')}`;
    })
    .join('\n');
}
