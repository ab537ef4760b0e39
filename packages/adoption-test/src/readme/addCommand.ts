import { ReadmeBlock, ReadmeBlockError } from './readmeBlocks';

/** Scope of the suite's packages: those come from the packed tarballs, everything else from the registry. */
export const SUITE_SCOPE = '@dataops-observability/';

/** A README `yarn --cwd <dir> add ...` line, split into its parts. */
export interface AddCommand {
  cwd: string;
  /** Options such as `--dev`, passed on unchanged. */
  flags: string[];
  /** Package specifiers as written (`name` or `name@range`). */
  specifiers: string[];
}

/** `@scope/name@^1.0.0` -> `@scope/name`; `name` -> `name`. */
export function packageNameOf(specifier: string): string {
  const at = specifier.indexOf('@', 1);
  return at === -1 ? specifier : specifier.slice(0, at);
}

/** Package names (without subpaths such as `/alpha`) of the suite's modules that `code` imports. */
export function suiteImportsOf(code: string): string[] {
  const names = new Set<string>();
  const pattern =
    /(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]([^'"]+)['"]/g;
  for (const [, specifier] of code.matchAll(pattern)) {
    if (specifier.startsWith(SUITE_SCOPE)) {
      names.add(specifier.split('/').slice(0, 2).join('/'));
    }
  }
  return [...names].sort();
}

/**
 * Parses an `*-add` block: exactly one `yarn --cwd <expectedCwd> add <packages>` command (comments and blank
 * lines aside), as the adopter runs it from the root of their app.
 */
export function parseAddCommand(
  block: ReadmeBlock,
  expectedCwd: string,
): AddCommand {
  const commands = block.code
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map(l => l.trim())
    .filter(l => l && !l.startsWith('#'));
  if (commands.length !== 1) {
    throw new ReadmeBlockError(
      block,
      `must hold exactly one command, found ${commands.length}`,
    );
  }
  const words = commands[0].split(/\s+/);
  const usage = `expected \`yarn --cwd ${expectedCwd} add <packages>\`, found \`${commands[0]}\``;
  if (words[0] !== 'yarn') {
    throw new ReadmeBlockError(block, usage);
  }
  let cwd: string | undefined;
  let rest = words.slice(1);
  if (rest[0] === '--cwd') {
    cwd = rest[1];
    rest = rest.slice(2);
  } else if (rest[0]?.startsWith('--cwd=')) {
    cwd = rest[0].slice('--cwd='.length);
    rest = rest.slice(1);
  }
  if (cwd?.replace(/\/$/, '') !== expectedCwd || rest[0] !== 'add') {
    throw new ReadmeBlockError(block, usage);
  }
  const flags = rest.slice(1).filter(w => w.startsWith('-'));
  const specifiers = rest.slice(1).filter(w => !w.startsWith('-'));
  if (specifiers.length === 0) {
    throw new ReadmeBlockError(block, 'adds no package');
  }
  return { cwd: expectedCwd, flags, specifiers };
}

/**
 * The `yarn` arguments of an add command with every suite package pointed at its packed tarball (the
 * packages are not on a registry yet). A suite package that is not published is an error in the block.
 */
export function addArgumentsForTarballs(
  block: ReadmeBlock,
  command: AddCommand,
  tarballs: ReadonlyMap<string, string>,
): string[] {
  const specifiers = command.specifiers.map(specifier => {
    const name = packageNameOf(specifier);
    if (!name.startsWith(SUITE_SCOPE)) {
      return specifier;
    }
    const tarball = tarballs.get(name);
    if (!tarball) {
      throw new ReadmeBlockError(
        block,
        `adds ${name}, which is not a published package of this repository (published: ${[
          ...tarballs.keys(),
        ].join(', ')})`,
      );
    }
    return `${name}@file:${tarball}`;
  });
  return ['--cwd', command.cwd, 'add', ...command.flags, ...specifiers];
}

/** Every suite package the code blocks import must be one the add block installs. */
export function checkImportsAreAdded(
  addBlock: ReadmeBlock,
  command: AddCommand,
  codeBlocks: ReadmeBlock[],
): void {
  const added = new Set(command.specifiers.map(packageNameOf));
  for (const codeBlock of codeBlocks) {
    const missing = suiteImportsOf(codeBlock.code).filter(n => !added.has(n));
    if (missing.length > 0) {
      throw new ReadmeBlockError(
        addBlock,
        `does not add ${missing.join(', ')}, which README block '${
          codeBlock.id
        }' imports`,
      );
    }
  }
}
