/** A published package of this repository: its name and its folder. */
export interface SuitePackage {
  name: string;
  dir: string;
}

/** The package a file in node_modules belongs to (the innermost one). */
function packageOfPath(file: string): string | undefined {
  const matches = [...file.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)];
  return matches.at(-1)?.[1];
}

/**
 * Names the package.json to fix when the app's backend died of `Cannot find module`: the suite package
 * whose code (directly, or through a dependency whose peer dependency it must provide) needs a module the
 * installed app does not have. Inside this repository such modules are often there by accident, hoisted
 * from some other package, which is exactly what an adopter's app does not have.
 */
export function diagnoseMissingModule(
  log: string,
  suite: SuitePackage[],
): string | undefined {
  const missing = /Cannot find module '([^']+)'/.exec(log)?.[1];
  const stackStart = log.indexOf('Require stack:');
  if (!missing || missing.startsWith('.') || stackStart === -1) {
    return undefined;
  }
  const stack = log
    .slice(stackStart)
    .split('\n')
    .slice(1)
    .filter(l => /^\s*- /.test(l))
    .map(l => l.replace(/^\s*- /, '').trim());
  const requirer = packageOfPath(stack[0] ?? '');
  const owner = stack
    .map(packageOfPath)
    .map(name => suite.find(p => p.name === name))
    .find(Boolean);
  if (!requirer || !owner) {
    return undefined;
  }
  const cause =
    requirer === owner.name
      ? `its code requires '${missing}'`
      : `it uses ${requirer}, which requires '${missing}' (a peer dependency the user must provide)`;
  return `${owner.dir}/package.json does not list a dependency its users need: ${cause}; add '${missing}' to its dependencies`;
}
