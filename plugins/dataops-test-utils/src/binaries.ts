import { spawnSync } from 'node:child_process';

/**
 * Fails with an explanation when a binary the tests need is not on PATH, instead of letting a spawn
 * error surface as an obscure ENOENT in the middle of a test. `debianPackage` names the package that
 * ships it, for the message.
 * @public
 */
export function requireBinary(
  name: string,
  debianPackage = 'prometheus',
): string {
  const result = spawnSync(name, ['--version'], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'ENOENT'
        ? `'${name}' was not found on PATH. These tests run the real Prometheus tools; install them ` +
          `(Debian/Ubuntu: apt-get install ${debianPackage}) and make sure '${name}' is on PATH.`
        : `'${name} --version' failed: ${result.error.message}`,
    );
  }
  return `${result.stdout}${result.stderr}`.split('\n')[0].trim();
}
