import { formatMatchers, parseSelector, SelectorError } from './parseSelector';

describe('parseSelector', () => {
  it('parses the four matcher operators', () => {
    expect(
      parseSelector(
        `namespace="spark", app!='x', pod=~"etl-.*",container!~\`istio.*\``,
      ),
    ).toEqual([
      { name: 'namespace', op: '=', value: 'spark' },
      { name: 'app', op: '!=', value: 'x' },
      { name: 'pod', op: '=~', value: 'etl-.*' },
      { name: 'container', op: '!~', value: 'istio.*' },
    ]);
  });

  it('decodes escapes', () => {
    expect(parseSelector('a="x\\"y\\\\z\\u00e9"')).toEqual([
      { name: 'a', op: '=', value: 'x"y\\zé' },
    ]);
  });

  it('accepts an empty selector as no matchers', () => {
    expect(parseSelector('  ')).toEqual([]);
  });

  it.each([
    ['a="b"} or vector(1) or {c="d"', /only comma separated label matchers/],
    ['up', /syntax error|only comma separated/],
    ['a=b', /syntax error/],
    ['a<"b"', /syntax error/],
    ['"quoted"="x"', /not a label matcher on a plain label name/],
    ['__name__="up"', /label '__name__' is reserved/],
    ['a=~"("', /regex for 'a' does not compile/],
    ['a=~"(?=x)"', /look-around/],
    ['a="\\q"', /invalid escape/],
  ])('rejects %s', (input, message) => {
    expect(() => parseSelector(input)).toThrow(SelectorError);
    expect(() => parseSelector(input)).toThrow(message);
  });

  it('rejects overly long selectors', () => {
    expect(() => parseSelector(`a="${'x'.repeat(3000)}"`)).toThrow(
      /longer than/,
    );
  });

  it('formats matchers back to PromQL that parses to the same matchers', () => {
    const matchers = parseSelector(`a="q\\"uote", b=~'x|y'`);
    expect(formatMatchers(matchers)).toBe('a="q\\"uote",b=~"x|y"');
    expect(parseSelector(formatMatchers(matchers))).toEqual(matchers);
  });
});
