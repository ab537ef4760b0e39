/** One index pattern: lowercase names and `*` only, so no lists (`,`), exclusions (`-`), remote clusters (`:`) or `_all`. */
const PATTERN = /^[a-z0-9][a-z0-9*._-]*$|^\*[a-z0-9*._-]*$/;

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern
    .split('*')
    .map(part => part.replace(/[.+?^${}()|[\]\\-]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${escaped}$`);
}

/**
 * Whether every index `pattern` can match is also matched by one of `allowed`. Checking the pattern text
 * itself (its `*` kept as a literal) against each allowed glob is exact here: a `*` in an allowed pattern
 * is the only thing that can match the `*` of the requested one, and it then matches anything put there.
 */
export function isIndexPatternAllowed(
  pattern: string,
  allowed: string[],
): boolean {
  if (!PATTERN.test(pattern) || pattern.length > 255) {
    return false;
  }
  return allowed.some(a => globToRegExp(a).test(pattern));
}

export function isWellFormedIndexPattern(pattern: string): boolean {
  return PATTERN.test(pattern) && pattern.length <= 255;
}
