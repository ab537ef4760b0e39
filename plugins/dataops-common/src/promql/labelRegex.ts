import { RE2JS } from 're2js';

/** Enough for every selector of a large catalog; past it the cache starts over rather than grow. */
const MAX_CACHED = 5_000;
const compiled = new Map<string, RE2JS>();

/**
 * Compiles a label matcher regex with RE2 semantics, as Prometheus and Alertmanager do: linear-time
 * matching (no backtracking, so `([A-Za-z]+)+!` can not freeze a process), Go's syntax (`(?i)` flags
 * accepted; look-around and back-references rejected). Throws when the value does not compile.
 * @public
 */
export function compileLabelRegex(value: string): RE2JS {
  let re = compiled.get(value);
  if (!re) {
    re = RE2JS.compile(value);
    if (compiled.size >= MAX_CACHED) {
      compiled.clear();
    }
    compiled.set(value, re);
  }
  return re;
}

/**
 * Whether `input` matches the regex as a whole, the way Prometheus anchors label matchers at both ends.
 * @public
 */
export function matchesLabelRegex(value: string, input: string): boolean {
  return compileLabelRegex(value).matches(input);
}
