import { checkMatcherRegex, parseSelector } from './parseSelector';
import { labelValue, matchLabels } from './matchLabels';

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype);

/** Patterns that take exponential time on a backtracking engine. */
const CATASTROPHIC = [
  '([A-Za-z]+)+!',
  '(a+)+b',
  '(a|a)+b',
  '(a|aa)+c',
  '(.*a){20}',
  '((a*)*)*b',
  '(\\w+\\s?)+$x',
];

describe('matchLabels (RE2 semantics)', () => {
  it('anchors regexes at both ends, as Prometheus does', () => {
    const [m] = parseSelector('app=~"etl"');
    expect(matchLabels([m], { app: 'etl' })).toBe(true);
    expect(matchLabels([m], { app: 'etl-2' })).toBe(false);
    expect(matchLabels(parseSelector('app=~"a|b"'), { app: 'b' })).toBe(true);
    expect(matchLabels(parseSelector('app=~"a|b"'), { app: 'ab' })).toBe(false);
  });

  it('accepts the (?i) flag that Prometheus accepts, and rejects what RE2 rejects', () => {
    expect(checkMatcherRegex('(?i)error')).toBeUndefined();
    expect(
      matchLabels(parseSelector('level=~"(?i)error"'), { level: 'ERROR' }),
    ).toBe(true);
    expect(checkMatcherRegex('(?=x)')).toMatch(/unsupported|invalid/);
    expect(checkMatcherRegex('(a)\\1')).toMatch(/invalid escape/);
  });

  it('treats missing labels as empty, for every operator', () => {
    expect(matchLabels(parseSelector('team=""'), {})).toBe(true);
    expect(matchLabels(parseSelector('team!=""'), {})).toBe(false);
    expect(matchLabels(parseSelector('team=~".*"'), {})).toBe(true);
    expect(matchLabels(parseSelector('team!~".+"'), {})).toBe(true);
  });

  it.each(PROTOTYPE_KEYS)(
    'reads only own labels: a matcher on %s sees an empty value',
    name => {
      const matcher = { name, op: '=~' as const, value: '.+' };
      expect(labelValue({}, name)).toBe('');
      expect(matchLabels([matcher], {})).toBe(false);
      expect(matchLabels([matcher], { [name]: 'x' })).toBe(true);
    },
  );

  it.each(CATASTROPHIC)(
    'answers %s on long hostile input correctly, without backtracking',
    pattern => {
      expect(checkMatcherRegex(pattern)).toBeUndefined();
      const allA = 'a'.repeat(10_000);
      const inputs = [allA, `${'a'.repeat(5_000)}!x`, 'ab '.repeat(3_000)];
      for (const input of inputs) {
        // Matching is anchored at both ends, as in Prometheus: of these, only twenty-or-more runs ending in
        // `a` cover a string of a's. A backtracking engine would not finish before the timeout below
        // (years for some of these); the figures of real matching speed belong to the benchmarks.
        expect(
          matchLabels([{ name: 'x', op: '=~', value: pattern }], { x: input }),
        ).toBe(pattern === '(.*a){20}' && input === allA);
      }
    },
    5_000,
  );
});
