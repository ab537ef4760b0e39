import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The README code blocks an adopter copies, each marked by `<!-- adoption-test: <id> -->` on the line before
 * its opening fence (or with blank lines between, as prettier formats it). The test runs exactly what these blocks say, so a wrong block fails it.
 */
export const BLOCK_SPECS = {
  'app-add': { readme: 'plugins/dataops/README.md', fence: 'sh' },
  'app-nfs': { readme: 'plugins/dataops/README.md', fence: 'tsx' },
  'app-legacy': { readme: 'plugins/dataops/README.md', fence: 'tsx' },
  'backend-add': { readme: 'plugins/dataops-backend/README.md', fence: 'sh' },
  'backend-index': { readme: 'plugins/dataops-backend/README.md', fence: 'ts' },
  config: { readme: 'plugins/dataops-backend/README.md', fence: 'yaml' },
} as const;

export type BlockId = keyof typeof BLOCK_SPECS;

export const BLOCK_IDS = Object.keys(BLOCK_SPECS) as BlockId[];

/** One marked block: where it is (for error messages) and its code. */
export interface ReadmeBlock {
  id: BlockId;
  /** README path relative to the repository root. */
  readme: string;
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  code: string;
}

/** Names the block in every message, so a failure points at the README text to fix. */
export function describeBlock(
  block: Pick<ReadmeBlock, 'id' | 'readme'> & { line?: number },
): string {
  const at = block.line ? `${block.readme}:${block.line}` : block.readme;
  return `README block '${block.id}' (${at})`;
}

/** A README block that is missing, malformed or wrong; the message names the block. */
export class ReadmeBlockError extends Error {
  constructor(
    block: Pick<ReadmeBlock, 'id' | 'readme'> & { line?: number },
    problem: string,
  ) {
    super(`${describeBlock(block)}: ${problem}`);
    this.name = 'ReadmeBlockError';
  }
}

const MARKER = /^\s*<!--\s*adoption-test:\s*([\w-]+)\s*-->\s*$/;
const OPENING_FENCE = /^\s*(`{3,}|~{3,})\s*([\w-]*)/;

interface RawBlock {
  id: string;
  line: number;
  lang: string;
  code: string;
}

/** Every marked block of one Markdown text, in order; throws (naming the marker's line) on malformed ones. */
export function extractMarkedBlocks(
  markdown: string,
  readme: string,
): RawBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: RawBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const marker = MARKER.exec(lines[i]);
    if (!marker) {
      continue;
    }
    const id = marker[1];
    // Prettier puts a blank line between the comment and the fence; anything else in between is an error.
    let start = i + 1;
    while (start < lines.length && !lines[start].trim()) {
      start++;
    }
    const fence = OPENING_FENCE.exec(lines[start] ?? '');
    if (!fence) {
      throw new Error(
        `${readme}:${
          i + 1
        }: the marker '${id}' must be followed by an opening code fence (blank lines aside)`,
      );
    }
    const [, ticks, lang] = fence;
    const closing = new RegExp(`^\\s*${ticks[0]}{${ticks.length},}\\s*$`);
    const end = lines.findIndex((l, j) => j > start && closing.test(l));
    if (end === -1) {
      throw new Error(
        `${readme}:${
          start + 1
        }: the code fence of block '${id}' is never closed`,
      );
    }
    blocks.push({
      id,
      line: start + 1,
      lang,
      code: `${lines.slice(start + 1, end).join('\n')}\n`,
    });
    i = end;
  }
  return blocks;
}

/** Reads the blocks the adoption test needs from the plugin READMEs under `repoRoot`. */
export function readAdoptionBlocks(
  repoRoot: string,
): Record<BlockId, ReadmeBlock> {
  const byReadme = new Map<string, RawBlock[]>();
  const result = {} as Record<BlockId, ReadmeBlock>;
  for (const id of BLOCK_IDS) {
    const { readme, fence } = BLOCK_SPECS[id];
    if (!byReadme.has(readme)) {
      let text: string;
      try {
        text = readFileSync(path.join(repoRoot, readme), 'utf8');
      } catch {
        throw new ReadmeBlockError({ id, readme }, `${readme} does not exist`);
      }
      byReadme.set(readme, extractMarkedBlocks(text, readme));
    }
    const found = byReadme.get(readme)!.filter(b => b.id === id);
    if (found.length === 0) {
      throw new ReadmeBlockError(
        { id, readme },
        `no code block is marked with <!-- adoption-test: ${id} --> on the line before its fence`,
      );
    }
    if (found.length > 1) {
      throw new ReadmeBlockError(
        { id, readme },
        `marked ${found.length} times (lines ${found
          .map(b => b.line)
          .join(', ')}); mark exactly one block`,
      );
    }
    const [block] = found;
    if (block.lang !== fence) {
      throw new ReadmeBlockError(
        { id, readme, line: block.line },
        `the fence must be \`\`\`${fence}, not \`\`\`${block.lang}`,
      );
    }
    if (!block.code.trim()) {
      throw new ReadmeBlockError({ id, readme, line: block.line }, 'is empty');
    }
    result[id] = { ...block, id, readme };
  }
  return result;
}
