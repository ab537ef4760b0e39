// Lowercase names and `*` only: no lists (`,`), exclusions (`-` prefix), remote clusters (`:`) or `_all`,
// so an annotation can never widen a search beyond the one pattern it names.
const INDEX_PATTERN = /^(?:[a-z0-9]|\*)[a-z0-9*._-]*$/;
const MAX_INDEX_PATTERN_LENGTH = 255;

/** True when `pattern` is a single lowercase OpenSearch index pattern. @public */
export function isWellFormedIndexPattern(pattern: string): boolean {
  return (
    pattern.length <= MAX_INDEX_PATTERN_LENGTH && INDEX_PATTERN.test(pattern)
  );
}

function globMatcher(glob: string): RegExp {
  const parts = glob
    .split('*')
    .map(p => p.replace(/[\\^$.|?+()[\]{}-]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`);
}

/**
 * Whether every index `pattern` can match is covered by one of the `allowed` globs. Matching the pattern's
 * own text (its `*` taken literally) against each allowed glob is exact: only a `*` of the allowed glob can
 * stand for the requested `*`, and that `*` then covers whatever the requested one expands to.
 * @public
 */
export function isIndexPatternAllowed(
  pattern: string,
  allowed: string[],
): boolean {
  return (
    isWellFormedIndexPattern(pattern) &&
    allowed.some(glob => globMatcher(glob).test(pattern))
  );
}
