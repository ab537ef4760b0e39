import fc from 'fast-check';

/**
 * Fragments attackers and careless users put into names and queries: PromQL that closes a selector and
 * adds its own, Lucene syntax, path traversal, URL tricks, control characters and odd unicode.
 */
export const HOSTILE_FRAGMENTS = [
  '} or vector(1)',
  '"} or up{a="',
  '",__name__=~".+',
  '}[5m]',
  '{',
  '}',
  '"',
  "'",
  '`',
  '\\',
  '\\"',
  '\\x',
  '\\u00',
  '\n',
  '\r\n',
  '\t',
  '\u0000',
  '\u0007',
  '\u2028',
  '\u202e',
  '\ud83d\ude00',
  'é',
  'İ',
  '../',
  '..%2f',
  '%2e%2e%2f',
  '%00',
  '%',
  '%25',
  '?',
  '&',
  '=',
  '#',
  '@',
  ',',
  ':',
  '/',
  '*',
  '_all',
  '-',
  'remote:',
  'http://evil.example/',
  'https://169.254.169.254/latest/meta-data',
  '//evil.example',
  'a:b AND c:d',
  'level:error OR _exists_:password',
  '*:*',
  '+foo -bar',
  '(a|b)',
  '.*',
  '(?=x)',
  '\\1',
  '$(id)',
  '${spark_app}',
  '<script>',
  ' ',
] as const;

/** Realistic values: names of the shape the catalog and the upstreams really use. */
export const realisticName = () =>
  fc.stringMatching(/^[a-z][a-z0-9-]{0,20}[a-z0-9]$/);

/** One hostile fragment, or a run of printable/unicode characters. */
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_FRAGMENTS) },
  { weight: 2, arbitrary: realisticName() },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
);

/**
 * Mixed text: mostly realistic names with hostile fragments spliced in, sometimes very long. Used for
 * every string-valued surface, so each one sees the same attacks.
 */
export const hostileText = (): fc.Arbitrary<string> =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc.array(piece, { maxLength: 6 }).map(p => p.join('')),
    },
    { weight: 1, arbitrary: realisticName() },
    {
      weight: 1,
      arbitrary: fc
        .tuple(piece, fc.integer({ min: 200, max: 5000 }))
        .map(([p, n]) => p.repeat(Math.ceil(n / Math.max(p.length, 1)))),
    },
  );

/** Splices a hostile fragment into a valid value: the near miss a typo or an attacker produces. */
export const nearValid = (valid: fc.Arbitrary<string>) =>
  fc
    .tuple(valid, fc.constantFrom(...HOSTILE_FRAGMENTS), fc.nat())
    .map(([v, bad, at]) => {
      const i = at % (v.length + 1);
      return v.slice(0, i) + bad + v.slice(i);
    });

/** Valid values (`validWeight` times as often), near misses of them, and hostile text. */
export const mixed = (valid: fc.Arbitrary<string>, validWeight = 1) =>
  fc.oneof(
    { weight: validWeight, arbitrary: valid },
    { weight: 1, arbitrary: nearValid(valid) },
    { weight: 1, arbitrary: hostileText() },
  );

/** How many cases the pure-function properties run; the brief asks for at least 10,000 per surface. */
export const PURE_RUNS = 10_000;

/**
 * The seed of every property in these suites. The test command (CI) runs a fixed seed, so a red run is
 * reproducible and a passing commit stays green; a developer explores new cases with
 * `DATAOPS_PROPERTY_SEED=random` (fast-check prints the seed of any failure; pass it back to replay it).
 */
export function propertySeed(): number | undefined {
  const wanted = process.env.DATAOPS_PROPERTY_SEED;
  if (wanted === 'random' || (!wanted && !process.env.CI)) {
    return undefined;
  }
  return wanted ? Number(wanted) : 20261201;
}
